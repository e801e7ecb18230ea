export * from './applyMapping.js';
export * from './Mapping.js';
export * from './MappingOverrides.js';
export * from './Transform.js';
export * from './readPath.js';
export * from './scalarText.js';
export * from './stableGuid.js';
