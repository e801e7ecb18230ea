export { SqliteStateStore, type SqliteStateStoreOptions } from './SqliteStateStore.js';
