export * from './connector/FinOpsConnector.js';
export * from './connector/finopsDescriptor.js';
export * from './connector/FinOpsDestination.js';
export * from './connector/FinOpsEntityOptions.js';
export * from './connector/FinOpsSource.js';
export * from './connector/FinOpsSourceOptions.js';
export * from './entities/index.js';
