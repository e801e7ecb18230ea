export * from './Checkpoint.js';
export * from './Connector.js';
export * from './ConnectorDescriptor.js';
export * from './ConnectorDescriptorRegistry.js';
export * from './RecordDestination.js';
export * from './RecordSource.js';
export * from './parseEntityOptions.js';
