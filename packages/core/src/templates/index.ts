export * from './EntityTemplate.js';
export * from './NumberSequence.js';
export * from './TemplatePlugin.js';
export * from './TemplateRegistry.js';
