export * from './connector/FinOpsConnector.js';
export * from './connector/FinOpsDestination.js';
export * from './connector/FinOpsEntityOptions.js';
