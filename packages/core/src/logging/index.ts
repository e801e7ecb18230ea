export * from './Logger.js';
export * from './Redactor.js';
export * from './redactUrlCredentials.js';
