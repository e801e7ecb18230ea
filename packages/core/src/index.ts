export * from './connectors/index.js';
export * from './di/index.js';
export * from './errors/index.js';
export * from './logging/index.js';
export * from './mapping/index.js';
export * from './runner/index.js';
export * from './state/index.js';
export * from './templates/index.js';
