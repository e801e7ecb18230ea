import {
  SyncRunner,
  TemplateRegistry,
  runProject,
  silentLogger,
  taskSettingsSchema,
  type Connector,
  type RunSummary,
  type StateStore,
  type TaskSettings,
  type TemplatePlugin,
} from '@p2c/core';
import {
  DEFAULT_CREDENTIALS,
  type ChangeTrackingOptions,
  type Emulator,
  type EmulatorLimits,
  type EmulatorServer,
  type EmulatorSeed,
  type FaultOptions,
} from '@p2c/emulator';
import { FinOpsConnector } from '@p2c/finops';
import { ODataClient, createEntraTokenProvider, createTrustedFetch, type RetryPolicy } from '@p2c/odata';
import { DataverseConnector } from '@p2c/sales';
import { SqliteStateStore } from '@p2c/state-sqlite';
import { endpointsOf, serverEndpoints, type EmulatorEndpoints } from './emulatorEndpoints.js';

export interface HarnessOptions {
  /** The plugins whose templates the harness can run (a template's preconditions' plugins too). */
  plugins: readonly TemplatePlugin[];
  /** CDS organization -> F&O legal entity; default `{ ORG001: 'usmf' }`. */
  organizations?: Readonly<Record<string, string>>;
  faults?: FaultOptions;
  limits?: EmulatorLimits;
  changeTracking?: ChangeTrackingOptions;
  /** Default: no retries, so a fault shows at once; tests of retries give short delays. */
  retry?: Partial<RetryPolicy>;
}

export interface HarnessRunOptions {
  full?: boolean;
  dryRun?: boolean;
  pendingOnly?: boolean;
  /** Settings per task id, over small test defaults (pages of 50, batches of 20, change sets of 5). */
  settings?: Readonly<Record<string, Partial<TaskSettings>>>;
}

export interface Harness {
  emulator: Emulator;
  /** Where the emulator is reached: msw's real-service addresses, or the HTTPS server's URL and certificate. */
  endpoints: EmulatorEndpoints;
  state: StateStore;
  connectors: { get(kind: string): Connector };
  registry: TemplateRegistry;
  /** Runs one template through the real runner against the emulator. */
  run(templateId: string, options?: HarnessRunOptions): Promise<RunSummary>;
  /**
   * Runs templates as a project of them does (core's `runProject`: planned order, preconditions
   * checked, stopping after a fatal fault); returns the summary of each template that ran.
   */
  runAll(templateIds: readonly string[], options?: HarnessRunOptions): Promise<RunSummary[]>;
}

/** The seed every harness starts from unless the test's seed says otherwise: one legal entity, two customer groups. */
const BASE_FINOPS = {
  legalEntities: ['usmf'],
  customerGroups: [
    { dataAreaId: 'usmf', CustomerGroupId: '10' },
    { dataAreaId: 'usmf', CustomerGroupId: '20' },
  ],
};

function clientFor(endpoints: EmulatorEndpoints, url: string, path: string, retry: Partial<RetryPolicy>): ODataClient {
  const https = endpoints.over === 'https' && endpoints.caPem !== undefined;
  return new ODataClient({
    serviceUrl: `${url}${path}`,
    tokenProvider: createEntraTokenProvider({
      tenantId: DEFAULT_CREDENTIALS.tenantId,
      clientId: DEFAULT_CREDENTIALS.clientId,
      clientSecret: DEFAULT_CREDENTIALS.clientSecret,
      scope: `${url}/.default`,
      ...(https ? { authorityHost: endpoints.loginUrl, ca: endpoints.caPem } : {}),
    }),
    ...(https ? { fetch: createTrustedFetch(endpoints.caPem) } : {}),
    retry,
  });
}

function isServer(target: Emulator | EmulatorServer): target is EmulatorServer {
  return 'caPem' in target && 'url' in target;
}

/**
 * Seeds the emulator afresh, opens an in-memory state store and registers the plugins: the
 * same runner, connectors and store the CLI uses, with only the network replaced. Give it the
 * emulator of `useEmulator()` (msw, or HTTPS with `{ over: 'https' }`), or a server of
 * `startEmulatorServer()` to talk HTTPS to it.
 */
export async function startHarness(
  target: Emulator | EmulatorServer,
  seed: EmulatorSeed,
  options: HarnessOptions,
): Promise<Harness> {
  const emulator = isServer(target) ? target.emulator : target;
  const endpoints = isServer(target) ? serverEndpoints(target) : endpointsOf(emulator);
  emulator.setFaults(options.faults ?? null);
  emulator.setLimits(options.limits ?? null);
  emulator.setChangeTracking({ accounts: true, expiredDeltaToken: 'error', ...options.changeTracking });
  emulator.reset({ ...seed, finops: { ...BASE_FINOPS, ...seed.finops } });
  const state = await SqliteStateStore.open(':memory:');
  const retry = options.retry ?? { maxAttempts: 1 };
  const byKind: Record<string, Connector> = {
    dataverse: new DataverseConnector(clientFor(endpoints, endpoints.salesUrl, '/api/data/v9.2', retry)),
    finops: new FinOpsConnector(clientFor(endpoints, endpoints.finopsUrl, '/data', retry)),
  };
  const connectors = {
    get(kind: string): Connector {
      const connector = byKind[kind];
      if (!connector) throw new Error(`The harness has no connector '${kind}' (it has dataverse and finops)`);
      return connector;
    },
  };
  const registry = new TemplateRegistry();
  for (const plugin of options.plugins) registry.register(plugin);
  const runner = new SyncRunner(state, connectors, silentLogger);
  const organizations = options.organizations ?? { ORG001: 'usmf' };

  const run = (
    templateId: string,
    { full = false, dryRun = false, pendingOnly = false, settings = {} }: HarnessRunOptions = {},
  ) => {
    const template = registry.get(templateId);
    return runner.run({
      template,
      full,
      dryRun,
      pendingOnly,
      settings: Object.fromEntries(
        template.tasks.map((task) => [
          task.id,
          taskSettingsSchema.parse({ pageSize: 50, batchSize: 20, changesetSize: 5, ...settings[task.id] }),
        ]),
      ),
      organizations,
    });
  };
  return {
    emulator,
    endpoints,
    state,
    connectors,
    registry,
    run,
    async runAll(templateIds, runOptions) {
      const result = await runProject({
        project: 'harness',
        templates: templateIds.map((id) => registry.get(id)),
        registry,
        state,
        runTemplate: (template) => run(template.id, runOptions),
      });
      return result.runs;
    },
  };
}
