export * from './RunRecord.js';
export * from './StateStore.js';
