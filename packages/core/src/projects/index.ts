export * from './checkPreconditions.js';
export * from './planProject.js';
export * from './runProject.js';
