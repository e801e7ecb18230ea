export * from './connector/DataverseConnector.js';
export * from './connector/dataverseDescriptor.js';
export * from './connector/DataverseDestination.js';
export * from './connector/DataverseDestinationOptions.js';
export * from './connector/DataverseEntityOptions.js';
export * from './connector/DataverseSource.js';
