export * from './entities/Account.js';
