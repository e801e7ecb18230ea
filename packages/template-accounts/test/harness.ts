import {
  SyncRunner,
  TemplateRegistry,
  silentLogger,
  type Connector,
  type RunSummary,
  type StateStore,
  type TaskSettings,
  taskSettingsSchema,
} from '@p2c/core';
import {
  DEFAULT_CREDENTIALS,
  DEFAULT_URLS,
  Emulator,
  emulatorHandlers,
  type ChangeTrackingOptions,
  type EmulatorLimits,
  type EmulatorSeed,
  type FaultOptions,
} from '@p2c/emulator';
import { FinOpsConnector } from '@p2c/finops';
import { ODataClient, createEntraTokenProvider, type RetryPolicy } from '@p2c/odata';
import { DataverseConnector } from '@p2c/sales';
import { SqliteStateStore } from '@p2c/state-sqlite';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { ACCOUNTS_TASK_ID, accountsPlugin } from '../src/index.js';

/** msw serving the emulator at the real services' addresses, Entra ID included. */
const emulator = new Emulator();
const server = setupServer(...emulatorHandlers(emulator));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function clientFor(url: string, path: string, retry: Partial<RetryPolicy>): ODataClient {
  return new ODataClient({
    serviceUrl: `${url}${path}`,
    tokenProvider: createEntraTokenProvider({
      tenantId: DEFAULT_CREDENTIALS.tenantId,
      clientId: DEFAULT_CREDENTIALS.clientId,
      clientSecret: DEFAULT_CREDENTIALS.clientSecret,
      scope: `${url}/.default`,
    }),
    retry,
  });
}

/** How the emulator behaves for one test: faults, limits, change tracking; the client's retries. */
export interface HarnessOptions {
  faults?: FaultOptions;
  limits?: EmulatorLimits;
  changeTracking?: ChangeTrackingOptions;
  /** Default: no retries, so a fault shows at once; tests of retries give short delays. */
  retry?: Partial<RetryPolicy>;
}

export interface Harness {
  emulator: Emulator;
  state: StateStore;
  connectors: { get(kind: string): Connector };
  run(options?: { full?: boolean; dryRun?: boolean; pendingOnly?: boolean; settings?: Partial<TaskSettings> }): Promise<RunSummary>;
}

/** A fresh emulator seeded for the test, an in-memory state store, and the real runner. */
export async function harness(seed: EmulatorSeed, options: HarnessOptions = {}): Promise<Harness> {
  emulator.setFaults(options.faults ?? null);
  emulator.setLimits(options.limits ?? null);
  emulator.setChangeTracking({ accounts: true, expiredDeltaToken: 'error', ...options.changeTracking });
  emulator.reset({
    ...seed,
    finops: {
      legalEntities: ['usmf'],
      customerGroups: [{ dataAreaId: 'usmf', CustomerGroupId: '10' }, { dataAreaId: 'usmf', CustomerGroupId: '20' }],
      ...seed.finops,
    },
  });
  const state = await SqliteStateStore.open(':memory:');
  const byKind: Record<string, Connector> = {
    dataverse: new DataverseConnector(clientFor(DEFAULT_URLS.salesUrl, '/api/data/v9.2', options.retry ?? { maxAttempts: 1 })),
    finops: new FinOpsConnector(clientFor(DEFAULT_URLS.finopsUrl, '/data', options.retry ?? { maxAttempts: 1 })),
  };
  const connectors = {
    get(kind: string): Connector {
      const connector = byKind[kind];
      if (!connector) throw new Error(`no connector ${kind}`);
      return connector;
    },
  };
  const registry = new TemplateRegistry();
  registry.register(accountsPlugin);
  const runner = new SyncRunner(state, connectors, silentLogger);
  return {
    emulator,
    state,
    connectors,
    run: ({ full = false, dryRun = false, pendingOnly = false, settings = {} } = {}) =>
      runner.run({
        template: registry.get('accounts'),
        full,
        dryRun,
        pendingOnly,
        settings: {
          [ACCOUNTS_TASK_ID]: taskSettingsSchema.parse({ pageSize: 50, batchSize: 20, changesetSize: 5, ...settings }),
        },
        organizations: { ORG001: 'usmf' },
      }),
  };
}

/** F&O write requests since the counters were last reset, $batch operations included. */
export function finopsWrites(emulator: Emulator): number {
  return emulator.requestCounts().finops.writes;
}
