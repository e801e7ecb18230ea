export * from './backfillKeys.js';
export * from './NaturalKey.js';
