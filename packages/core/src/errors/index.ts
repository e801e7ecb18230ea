export * from './P2cError.js';
