export * from './checkPreconditions.js';
export * from './planProject.js';
