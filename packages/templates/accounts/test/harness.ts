import type { TaskSettings } from '@p2c/core';
import type { Emulator, EmulatorSeed } from '@p2c/emulator';
import { startHarness, useEmulator, type Harness, type HarnessOptions, type HarnessRunOptions } from '@p2c/testing';
import { ACCOUNTS_TASK_ID, accountsPlugin } from '../src/index.js';

const emulator = useEmulator();

/** The @p2c/testing harness with only the accounts template: `run` takes the accounts task's settings. */
export async function harness(seed: EmulatorSeed, options: Omit<HarnessOptions, 'plugins'> = {}) {
  const h = await startHarness(emulator, seed, { ...options, plugins: [accountsPlugin] });
  const run = ({
    settings,
    ...rest
  }: Omit<HarnessRunOptions, 'settings'> & { settings?: Partial<TaskSettings> } = {}) =>
    h.run('accounts', { ...rest, settings: { [ACCOUNTS_TASK_ID]: settings ?? {} } });
  return { ...h, run } satisfies Omit<Harness, 'run'> & { run: typeof run };
}

/** F&O write requests since the counters were last reset, $batch operations included. */
export function finopsWrites(emulator: Emulator): number {
  return emulator.requestCounts().finops.writes;
}
