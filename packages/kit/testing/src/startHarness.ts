import {
  ConfigError,
  ConnectorDescriptorRegistry,
  Redactor,
  SyncRunner,
  TemplateRegistry,
  runProject,
  silentLogger,
  taskSettingsSchema,
  type Connector,
  type ConnectorDescriptor,
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
import type { RetryPolicy } from '@p2c/odata';
import { SqliteStateStore } from '@p2c/state-sqlite';
import { p2cConnectors } from './p2cConnectors.js';
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
  /** The connectors to register, by kind: `p2cConnectors` (`dataverse`, `finops`) unless given. */
  connectors?: readonly ConnectorDescriptor[];
  /**
   * Connection settings by kind, checked by each connector's schema. Over the emulator's own
   * connections for `dataverse` and `finops`, which need none given.
   */
  connections?: Readonly<Record<string, unknown>>;
  /** Where relative paths in connection settings are taken from; default the working folder. */
  baseDir?: string;
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

/** The variable the emulator's connections name for their client secret. */
const EMULATOR_SECRET_ENV = 'P2C_EMULATOR_CLIENT_SECRET';

/** The emulator's own connections, by the kind of system each one emulates. */
function emulatorConnections(endpoints: EmulatorEndpoints, retry: Partial<RetryPolicy>): Record<string, unknown> {
  const https = endpoints.over === 'https' && endpoints.caPem !== undefined;
  const connection = (url: string) => ({
    url,
    tenantId: DEFAULT_CREDENTIALS.tenantId,
    clientId: DEFAULT_CREDENTIALS.clientId,
    clientSecretEnv: EMULATOR_SECRET_ENV,
    ...(https ? { authorityHost: endpoints.loginUrl, ca: endpoints.caPem } : {}),
    retry,
  });
  return { dataverse: connection(endpoints.salesUrl), finops: connection(endpoints.finopsUrl) };
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
  const descriptors = new ConnectorDescriptorRegistry();
  for (const descriptor of options.connectors ?? p2cConnectors) {
    descriptors.register(descriptor, `connector '${descriptor.kind}' given to the harness`);
  }
  const settingsByKind = { ...emulatorConnections(endpoints, retry), ...options.connections };
  const redactor = new Redactor();
  const env: NodeJS.ProcessEnv = { [EMULATOR_SECRET_ENV]: DEFAULT_CREDENTIALS.clientSecret };
  const built = new Map<string, Connector>();
  const connectors = {
    /** Built the first time a task asks, as the CLI does. */
    get(kind: string): Connector {
      const existing = built.get(kind);
      if (existing) return existing;
      if (!descriptors.has(kind) || !Object.hasOwn(settingsByKind, kind)) {
        throw new Error(
          `The harness has no '${kind}' connection (it has ${descriptors.kinds().join(', ')}); give its descriptor in connectors and its settings in connections`,
        );
      }
      const path = `connections.${kind}`;
      const connector = descriptors.create(kind, settingsByKind[kind], {
        path,
        baseDir: options.baseDir ?? process.cwd(),
        readSecret(variable, field) {
          const secret = env[variable];
          if (secret === undefined) {
            throw new ConfigError(`${path}.${field}: environment variable ${variable} is not set`, {
              code: 'SECRET_MISSING',
            });
          }
          redactor.add(secret);
          return secret;
        },
        redactor,
        logger: silentLogger,
      });
      built.set(kind, connector);
      return connector;
    },
  };
  const registry = new TemplateRegistry({ describeEntity: descriptors.describeEntity });
  for (const plugin of options.plugins) registry.register(plugin);
  // Parents may name tasks of any plugin, so they are checked once all are registered, as the CLI does.
  registry.check();
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
