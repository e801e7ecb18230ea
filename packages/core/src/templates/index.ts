export * from './EntityTemplate.js';
export * from './NumberSequence.js';
export * from './TemplatePlugin.js';
export * from './TemplateRegistry.js';
export * from './ParentReference.js';
export * from './RecordCondition.js';
export * from './ReferenceTable.js';
export * from './TaskFilter.js';
