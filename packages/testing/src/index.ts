export { startHarness, type Harness, type HarnessOptions, type HarnessRunOptions } from './startHarness.js';
export { useEmulator } from './useEmulator.js';
