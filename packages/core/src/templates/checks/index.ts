export * from './checkParentTasks.js';
export * from './checkTask.js';
export * from './checkTransforms.js';
export * from './TaskCheckContext.js';
