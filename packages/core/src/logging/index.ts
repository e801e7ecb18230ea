export * from './Logger.js';
export * from './Redactor.js';
