import { handleAdminRequest, type AdminOperations } from './admin/handleAdminRequest.js';
import { AuthService } from './auth/AuthService.js';
import type { DataverseAccount } from './dataverse/DataverseAccount.js';
import { DataverseService } from './dataverse/DataverseService.js';
import { DataverseStore } from './dataverse/DataverseStore.js';
import { salesTableAccess, type EmulatorSalesTable } from './dataverse/tables/salesTableAccess.js';
import type { SalesTableName } from './dataverse/tables/salesTableDefinitions.js';
import type { FinOpsCustomer } from './finops/FinOpsCustomer.js';
import { FinOpsService } from './finops/FinOpsService.js';
import { FinOpsStore } from './finops/FinOpsStore.js';
import { finOpsEntityAccess, listEntityRows, type EmulatorFinOpsEntity } from './finops/entities/entityAccess.js';
import type { FinOpsEntitySetName } from './finops/entities/entityCatalog.js';
import { authenticate } from './pipeline/authenticate.js';
import { countRequests } from './pipeline/countRequests.js';
import { composePipeline, type EmulatorContext, type Handler } from './pipeline/EmulatorContext.js';
import { identifyService } from './pipeline/identifyService.js';
import { RequestCounter, type RequestCounts } from './pipeline/RequestCounter.js';
import { parseConfig } from './config/parseConfig.js';
import {
  changeTrackingSchema,
  DEFAULT_CHANGE_TRACKING,
  mergeChangeTracking,
  type ChangeTrackingOptions,
  type ChangeTrackingSettings,
} from './dataverse/changes/changeTrackingSettings.js';
import { faultOptionsSchema, type FaultOptions } from './faults/faultOptions.js';
import { FaultInjector } from './faults/FaultInjector.js';
import { HeldRequests } from './faults/HeldRequests.js';
import { injectFaults } from './pipeline/injectFaults.js';
import { protectServices } from './pipeline/protectServices.js';
import { ServiceProtection } from './protection/ServiceProtection.js';
import { emulatorLimitsSchema, type EffectiveLimits, type EmulatorLimits } from './protection/serviceLimits.js';
import { applySeed } from './seed/applySeed.js';
import type { EmulatorSeed } from './seed/emulatorSeedSchema.js';
import { parseEmulatorSeed } from './seed/parseEmulatorSeed.js';
import { caPemOf } from './server/certificateRegistry.js';
import { WriteLog, type WriteLogEntry } from './store/WriteLog.js';

export interface EmulatorOptions {
  /** The clock for createdon/modifiedon, token lifetimes, throttling windows and delta-token age (tests pass their own). */
  readonly now?: () => Date;
  /** Service protection limits per service; absent: no limits (see the README). */
  readonly limits?: EmulatorLimits;
  /** Fault injection by script and/or seeded rates; absent: no faults. */
  readonly faults?: FaultOptions;
  /** Change tracking per table (on by default for the built-in ones), token retention and what an expired token gets. */
  readonly changeTracking?: ChangeTrackingOptions;
}

/** What is configured now: limits in force, fault options and change tracking. */
export interface EmulatorSettings {
  readonly limits: EffectiveLimits;
  readonly faults: {
    readonly options: FaultOptions | null;
    readonly scriptRemaining: number;
    readonly heldRequests: number;
  };
  readonly changeTracking: ChangeTrackingSettings;
}

/** Direct access to Sales accounts, bypassing HTTP (for test setup and assertions). */
export interface EmulatorAccounts {
  /** Every account, as the Web API would return it without annotations. */
  list(): DataverseAccount[];
  get(id: string): DataverseAccount | undefined;
  /** Creates a row (id, timestamps and version generated when absent); a name is not required. */
  insert(row: Partial<DataverseAccount>): DataverseAccount;
  /** Changes columns as a user in Sales would: validated, new versionnumber and modifiedon. */
  update(id: string, patch: Record<string, unknown>): DataverseAccount;
  /** Deletes a row as a user in Sales would; change tracking reports it as deleted. */
  remove(id: string): void;
}

export interface EmulatorCustomers {
  /** Every CustomersV3 row of every legal entity. */
  list(): FinOpsCustomer[];
  /** Finds a customer; both keys compare without regard to case, as in F&O. */
  get(dataAreaId: string, customerAccount: string): FinOpsCustomer | undefined;
}

interface EmulatorState {
  readonly dataverseStore: DataverseStore;
  readonly dataverse: DataverseService;
  readonly finopsStore: FinOpsStore;
  readonly finops: FinOpsService;
}

function notFound(url: URL): Response {
  return new Response(
    JSON.stringify({ error: { code: 'NotFound', message: `The emulator serves nothing at ${url.pathname}.` } }),
    { status: 404, headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
}

/**
 * In-memory Dataverse (Sales) and F&O OData services plus a fake Entra ID token endpoint,
 * as one Fetch-API function. msw handlers and the HTTPS server both delegate to `handle`.
 */
export class Emulator {
  readonly #now: () => Date;
  readonly #auth: AuthService;
  readonly #counter = new RequestCounter();
  readonly #protection: ServiceProtection;
  readonly #faults = new FaultInjector();
  readonly #held = new HeldRequests();
  readonly #writes = new WriteLog();
  readonly #pipeline: Handler;
  #changeTracking: ChangeTrackingSettings;
  #state: EmulatorState;

  readonly sales: {
    readonly accounts: EmulatorAccounts;
    /** Direct access to a generic table: a built-in one or one the seed declared (`sales.tables`). */
    table(set: SalesTableName | (string & {})): EmulatorSalesTable;
  };
  readonly finops: {
    readonly customers: EmulatorCustomers;
    /** Direct access to a data entity (e.g. `CDSSalesOrderHeaders`, or one the seed declared in `finops.entities`). */
    entity(entitySet: FinOpsEntitySetName | (string & {})): EmulatorFinOpsEntity;
  };

  constructor(seed?: EmulatorSeed, options: EmulatorOptions = {}) {
    this.#now = options.now ?? (() => new Date());
    this.#auth = new AuthService(this.#now);
    this.#protection = new ServiceProtection(this.#now);
    this.setLimits(options.limits);
    this.setFaults(options.faults);
    this.#changeTracking = mergeChangeTracking(
      DEFAULT_CHANGE_TRACKING,
      parseConfig(changeTrackingSchema, options.changeTracking ?? {}, 'changeTracking'),
    );
    this.#state = this.#load(parseEmulatorSeed(seed ?? {}));
    this.#pipeline = composePipeline(
      [
        authenticate(this.#auth),
        countRequests(this.#counter),
        protectServices(this.#protection, this.#counter),
        injectFaults(this.#faults, this.#held, this.#counter),
      ],
      (context) => this.#route(context),
    );
    // Accounts are a table like the others; these rows have exactly the account columns.
    const accounts = () => salesTableAccess(() => this.#state.dataverseStore, 'accounts');
    this.sales = {
      accounts: {
        list: () => accounts().list() as unknown as DataverseAccount[],
        get: (id) => accounts().get(id) as unknown as DataverseAccount | undefined,
        insert: (row) => accounts().insert(row) as unknown as DataverseAccount,
        update: (id, patch) => accounts().update(id, patch) as unknown as DataverseAccount,
        remove: (id) => accounts().remove(id),
      },
      table: (set) => salesTableAccess(() => this.#state.dataverseStore, set),
    };
    this.finops = {
      customers: {
        list: () => this.#state.finopsStore.customers(),
        get: (dataAreaId, customerAccount) => this.#state.finopsStore.customer(dataAreaId, customerAccount),
      },
      entity: (entitySet) => finOpsEntityAccess(() => this.#state.finopsStore, entitySet),
    };
  }

  /** Answers one HTTP request as the real services would. Never throws. */
  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const service = identifyService(url);
    if (!service) return notFound(url);
    try {
      return await this.#pipeline({ request, url, service, meter: { batchOperations: 0 } });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return new Response(JSON.stringify({ error: { code: '0x80040216', message: `Emulator failure: ${message}` } }), {
        status: 500,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
      });
    }
  }

  /**
   * Replaces all data with the seed (or the defaults). Request counts, limits, faults and
   * change-tracking settings are kept; delta tokens issued before are expired.
   */
  reset(seed?: EmulatorSeed): void {
    this.#state = this.#load(parseEmulatorSeed(seed ?? {}));
    this.#writes.clear();
  }

  /**
   * Every row the services' APIs created, updated or deleted since the emulator started, was
   * reset or the log was cleared, with a count per action (`$batch` change sets included; a
   * rolled-back change set leaves nothing). Seeds and direct access are not logged. One entry
   * per row written: memory grows with the rows written, not with the writes.
   */
  writeLog(): WriteLogEntry[] {
    return this.#writes.entries();
  }

  clearWriteLog(): void {
    this.#writes.clear();
  }

  /**
   * Turns service protection on for the services named (with the defaults overridden by what
   * is given) and off for the others; `undefined`/`null` turns it off. Usage is forgotten.
   * Throws `EmulatorConfigError` naming the field when the value is invalid.
   */
  setLimits(limits: EmulatorLimits | null | undefined): void {
    this.#protection.configure(limits ? parseConfig(emulatorLimitsSchema, limits, 'limits') : undefined);
    if (this.#protection.anyEnabled) this.#counter.showThrottled();
  }

  /**
   * Replaces the fault injection (script, rates and random source start afresh); `undefined`/
   * `null` turns it off. Requests held by a `timeout` fault are dropped either way.
   */
  setFaults(faults: FaultOptions | null | undefined): void {
    this.#held.releaseAll();
    this.#faults.configure(faults ? parseConfig(faultOptionsSchema, faults, 'faults') : undefined);
    if (this.#faults.configured) this.#counter.showFaults();
  }

  /**
   * Changes the change-tracking settings given (others keep their value). Switching a table's
   * change tracking off, or on again, expires the delta tokens issued for it.
   */
  setChangeTracking(options: ChangeTrackingOptions): void {
    const next = mergeChangeTracking(
      this.#changeTracking,
      parseConfig(changeTrackingSchema, options, 'changeTracking'),
    );
    const before = this.#changeTracking;
    const toggled =
      next.accounts !== before.accounts || Object.entries(next.tables).some(([set, on]) => before.tables[set] !== on);
    this.#changeTracking = next;
    if (toggled) this.#state.dataverseStore.expireDeltaTokens();
  }

  /** Expires every delta token issued so far (as if the retention had passed). */
  expireDeltaTokens(): void {
    this.#state.dataverseStore.expireDeltaTokens();
  }

  settings(): EmulatorSettings {
    const faults = this.#faults.settings();
    return {
      limits: this.#protection.settings(),
      faults: { options: faults.options, scriptRemaining: faults.scriptRemaining, heldRequests: this.#held.size },
      changeTracking: { ...this.#changeTracking },
    };
  }

  requestCounts(): RequestCounts {
    return this.#counter.snapshot();
  }

  resetRequestCounts(): void {
    this.#counter.reset();
  }

  #load(seed: EmulatorSeed): EmulatorState {
    // Versions go on from the previous data, so delta tokens issued for it are expired, not reused.
    const previous = this.#state as EmulatorState | undefined; // unset on the first load
    const dataverseStore = new DataverseStore(
      this.#now,
      previous ? previous.dataverseStore.currentVersion() + 1 : undefined,
    );
    const finopsStore = new FinOpsStore(seed.finops?.legalEntities ?? ['usmf']);
    this.#auth.configure(undefined, undefined);
    applySeed({ dataverse: dataverseStore, finops: finopsStore, auth: this.#auth }, seed, false);
    return {
      dataverseStore,
      dataverse: new DataverseService(dataverseStore, () => this.#changeTracking, this.#writes),
      finopsStore,
      finops: new FinOpsService(finopsStore, this.#writes),
    };
  }

  #addSeed(value: unknown): void {
    const state = this.#state;
    const seed = parseEmulatorSeed(value, 'seed', {
      legalEntities: state.finopsStore.legalEntities(),
      currencyIds: state.dataverseStore.currencies().map((currency) => currency.transactioncurrencyid),
      declaredTables: state.dataverseStore.tables.definitions(),
      declaredEntities: state.finopsStore.entityDefinitions(),
    });
    applySeed({ dataverse: state.dataverseStore, finops: state.finopsStore, auth: this.#auth }, seed, true);
  }

  #admin(): AdminOperations {
    return {
      health: () => ({
        status: 'ok',
        sales: {
          accounts: this.#state.dataverseStore.tables.table('accounts').size,
          transactioncurrencies: this.#state.dataverseStore.currencies().length,
        },
        finops: {
          legalEntities: this.#state.finopsStore.legalEntities(),
          customers: this.#state.finopsStore.customers().length,
        },
        auth: { tenantId: this.#auth.tenantId },
      }),
      reset: (value) => this.reset(parseEmulatorSeed(value ?? {})),
      addSeed: (value) => this.#addSeed(value),
      accounts: () => this.sales.accounts.list(),
      updateAccount: (id, patch) => this.sales.accounts.update(id, patch),
      customers: () => this.finops.customers.list(),
      finopsEntityRows: (entitySet) => listEntityRows(this.#state.finopsStore, entitySet),
      deleteAccount: (id) => this.sales.accounts.remove(id),
      requestCounts: () => this.requestCounts(),
      resetRequestCounts: () => this.resetRequestCounts(),
      caPem: () => caPemOf(this),
      settings: () => this.settings(),
      setLimits: (value) => this.setLimits(value as EmulatorLimits | null | undefined),
      setFaults: (value) => this.setFaults(value as FaultOptions | null | undefined),
      setChangeTracking: (value) => this.setChangeTracking(value ?? {}),
      expireDeltaTokens: () => this.expireDeltaTokens(),
      salesTable: (set) => (this.#state.dataverseStore.tables.has(set) ? this.sales.table(set).list() : undefined),
    };
  }

  #route(context: EmulatorContext): Promise<Response> {
    const { request, url, meter } = context;
    switch (context.service) {
      case 'sales':
        return this.#state.dataverse.handle(request, {
          onBatchOperation: (method) => {
            meter.batchOperations += 1;
            this.#counter.countBatchOperation('sales', method);
          },
          changesetFailure: context.changesetFailure,
        });
      case 'finops':
        return this.#state.finops.handle(request, {
          onBatchOperation: (method) => {
            meter.batchOperations += 1;
            this.#counter.countBatchOperation('finops', method);
          },
          changesetFailure: context.changesetFailure,
        });
      case 'auth':
        return this.#auth.handle(request);
      case 'admin':
        return handleAdminRequest(request, url, this.#admin());
    }
  }
}
