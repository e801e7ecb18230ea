export * from './applyMapping.js';
export * from './Mapping.js';
export * from './MappingOverrides.js';
export * from './Transform.js';
