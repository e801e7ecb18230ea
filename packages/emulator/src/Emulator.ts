import { handleAdminRequest, type AdminOperations } from './admin/handleAdminRequest.js';
import { AuthService } from './auth/AuthService.js';
import { createAccount, deleteAccount, updateAccount } from './dataverse/accountWrites.js';
import type { DataverseAccount } from './dataverse/DataverseAccount.js';
import { DataverseService } from './dataverse/DataverseService.js';
import { DataverseStore } from './dataverse/DataverseStore.js';
import { readAccountPayload } from './dataverse/readAccountPayload.js';
import type { FinOpsCustomer } from './finops/FinOpsCustomer.js';
import { FinOpsService } from './finops/FinOpsService.js';
import { FinOpsStore } from './finops/FinOpsStore.js';
import { authenticate } from './pipeline/authenticate.js';
import { countRequests } from './pipeline/countRequests.js';
import { composePipeline, type EmulatorContext, type Handler } from './pipeline/EmulatorContext.js';
import { identifyService } from './pipeline/identifyService.js';
import { RequestCounter, type RequestCounts } from './pipeline/RequestCounter.js';
import { applySeed } from './seed/applySeed.js';
import type { EmulatorSeed } from './seed/emulatorSeedSchema.js';
import { parseEmulatorSeed } from './seed/parseEmulatorSeed.js';
import { caPemOf } from './server/certificateRegistry.js';

export interface EmulatorOptions {
  /** The clock for createdon/modifiedon and token lifetimes (tests pass a fixed one). */
  readonly now?: () => Date;
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
  readonly #pipeline: Handler;
  #state: EmulatorState;

  readonly sales: { readonly accounts: EmulatorAccounts };
  readonly finops: { readonly customers: EmulatorCustomers };

  constructor(seed?: EmulatorSeed, options: EmulatorOptions = {}) {
    this.#now = options.now ?? (() => new Date());
    this.#auth = new AuthService(this.#now);
    this.#state = this.#load(parseEmulatorSeed(seed ?? {}));
    this.#pipeline = composePipeline([authenticate(this.#auth), countRequests(this.#counter)], (context) =>
      this.#route(context),
    );
    this.sales = {
      accounts: {
        list: () => this.#state.dataverseStore.accounts().map((row) => ({ ...row })),
        get: (id) => {
          const row = this.#state.dataverseStore.account(id);
          return row ? { ...row } : undefined;
        },
        insert: (row) => {
          const store = this.#state.dataverseStore;
          const changes = readAccountPayload(row as Record<string, unknown>, 'direct', store);
          return createAccount(store, changes, { enforceUniqueNumber: false, keepSystemColumns: true, allowNameless: true });
        },
        update: (id, patch) => {
          const store = this.#state.dataverseStore;
          return updateAccount(store, id, readAccountPayload(patch, 'direct', store), { enforceUniqueNumber: false });
        },
        remove: (id) => deleteAccount(this.#state.dataverseStore, id),
      },
    };
    this.finops = {
      customers: {
        list: () => this.#state.finopsStore.customers(),
        get: (dataAreaId, customerAccount) => this.#state.finopsStore.customer(dataAreaId, customerAccount),
      },
    };
  }

  /** Answers one HTTP request as the real services would. Never throws. */
  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const service = identifyService(url);
    if (!service) return notFound(url);
    try {
      return await this.#pipeline({ request, url, service });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return new Response(JSON.stringify({ error: { code: '0x80040216', message: `Emulator failure: ${message}` } }), {
        status: 500,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
      });
    }
  }

  /** Replaces all data with the seed (or the defaults). Request counts are kept. */
  reset(seed?: EmulatorSeed): void {
    this.#state = this.#load(parseEmulatorSeed(seed ?? {}));
  }

  requestCounts(): RequestCounts {
    return this.#counter.snapshot();
  }

  resetRequestCounts(): void {
    this.#counter.reset();
  }

  #load(seed: EmulatorSeed): EmulatorState {
    const dataverseStore = new DataverseStore(this.#now);
    const finopsStore = new FinOpsStore(seed.finops?.legalEntities ?? ['usmf']);
    this.#auth.configure(undefined, undefined);
    applySeed({ dataverse: dataverseStore, finops: finopsStore, auth: this.#auth }, seed, false);
    return {
      dataverseStore,
      dataverse: new DataverseService(dataverseStore),
      finopsStore,
      finops: new FinOpsService(finopsStore),
    };
  }

  #addSeed(value: unknown): void {
    const state = this.#state;
    const seed = parseEmulatorSeed(value, 'seed', {
      legalEntities: state.finopsStore.legalEntities(),
      currencyIds: state.dataverseStore.currencies().map((currency) => currency.transactioncurrencyid),
    });
    applySeed({ dataverse: state.dataverseStore, finops: state.finopsStore, auth: this.#auth }, seed, true);
  }

  #admin(): AdminOperations {
    return {
      health: () => ({
        status: 'ok',
        sales: {
          accounts: this.#state.dataverseStore.accounts().length,
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
      requestCounts: () => this.requestCounts(),
      resetRequestCounts: () => this.resetRequestCounts(),
      caPem: () => caPemOf(this),
    };
  }

  #route(context: EmulatorContext): Promise<Response> {
    const { request, url } = context;
    switch (context.service) {
      case 'sales':
        return this.#state.dataverse.handle(request, {
          onBatchOperation: (method) => this.#counter.countBatchOperation('sales', method),
        });
      case 'finops':
        return this.#state.finops.handle(request, {
          onBatchOperation: (method) => this.#counter.countBatchOperation('finops', method),
        });
      case 'auth':
        return this.#auth.handle(request);
      case 'admin':
        return handleAdminRequest(request, url, this.#admin());
    }
  }
}
