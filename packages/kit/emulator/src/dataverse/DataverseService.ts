import { jsonResponse } from '../http/jsonResponse.js';
import { executeBatch } from '../odata/batch/executeBatch.js';
import type { ChangesetFailurePlan } from '../pipeline/EmulatorContext.js';
import { metadataDocument } from '../odata/metadataDocument.js';
import { ODataQueryError } from '../odata/ODataQueryError.js';
import { parseResourcePath } from '../odata/parseResourcePath.js';
import { DEFAULT_CHANGE_TRACKING, isTracked, type ChangeTrackingSettings } from './changes/changeTrackingSettings.js';
import { contextFragment, type DataverseEntitySet } from './DataverseEntitySet.js';
import { DataverseFault, dataverseFaults } from './DataverseFault.js';
import type { DataverseStore } from './DataverseStore.js';
import { queryDataverseCollection, readShape } from './queryDataverseCollection.js';
import { formatCurrency, TRANSACTION_CURRENCY_MODEL, type TransactionCurrency } from './TransactionCurrency.js';
import { serveSalesTable } from './tables/serveSalesTable.js';
import { tableEntitySet, tableModel } from './tables/tableEntitySet.js';
import type { SalesRow } from './tables/TableDefinition.js';
import { tableFaults } from './tables/tableFaults.js';
import { WriteLog, type WriteAction } from '../store/WriteLog.js';

const DATAVERSE_ROOT_PATH = '/api/data/v9.2/';
const MAX_BATCH_REQUESTS = 1000;

/** Fixed ids for WhoAmI: the application user the emulator's tokens stand for. */
const WHO_AM_I = {
  BusinessUnitId: '5f3a9c1e-8b2d-4e6f-a1c3-0000000000b1',
  UserId: '5f3a9c1e-8b2d-4e6f-a1c3-0000000000a1',
  OrganizationId: '5f3a9c1e-8b2d-4e6f-a1c3-0000000000c1',
};

export interface DataverseCallbacks {
  /** Counts one operation inside a `$batch`. */
  onBatchOperation(method: string): void;
  /** An injected fault for this request's `$batch`. */
  readonly changesetFailure?: ChangesetFailurePlan | undefined;
}

/**
 * The Dataverse Web API under `/api/data/v9.2/`: every table (accounts, contacts, quotes…)
 * through the table engine, `transactioncurrencies` read-only. Authentication and counting happen before a request gets here.
 */
export class DataverseService {
  readonly #store: DataverseStore;
  readonly #currencies: DataverseEntitySet<TransactionCurrency>;
  /** The generic tables by entity set name, built on first use (a seed added later may declare more). */
  readonly #tables = new Map<string, DataverseEntitySet<SalesRow>>();

  readonly #changeTracking: () => ChangeTrackingSettings;
  readonly #writes: WriteLog;

  constructor(
    store: DataverseStore,
    changeTracking: () => ChangeTrackingSettings = () => DEFAULT_CHANGE_TRACKING,
    writes: WriteLog = new WriteLog(),
  ) {
    this.#store = store;
    this.#changeTracking = changeTracking;
    this.#writes = writes;
    this.#currencies = {
      name: 'transactioncurrencies',
      model: TRANSACTION_CURRENCY_MODEL,
      primaryKey: 'transactioncurrencyid',
      reader: { value: (row, property) => row[property as keyof TransactionCurrency] },
      rows: () => store.currencies(),
      format: (row, shape) => formatCurrency(row, shape.select),
    };
  }

  #table(set: string): DataverseEntitySet<SalesRow> | undefined {
    let table = this.#tables.get(set);
    if (!table && this.#store.tables.has(set)) {
      table = tableEntitySet(this.#store.tables, this.#store.tables.table(set).definition);
      this.#tables.set(set, table);
    }
    return table;
  }

  async handle(request: Request, callbacks: DataverseCallbacks): Promise<Response> {
    try {
      return await this.#route(request, callbacks, true);
    } catch (error) {
      if (error instanceof DataverseFault) return error.toResponse();
      if (error instanceof ODataQueryError) return dataverseFaults.query(error.message).toResponse();
      throw error;
    }
  }

  async #route(request: Request, callbacks: DataverseCallbacks, allowBatch: boolean): Promise<Response> {
    const url = new URL(request.url);
    const root = `${url.origin}${DATAVERSE_ROOT_PATH}`;
    const path = decodeURIComponent(url.pathname.slice(DATAVERSE_ROOT_PATH.length));
    const method = request.method.toUpperCase();

    if (path === '' && method === 'GET') {
      return jsonResponse(200, {
        '@odata.context': `${root}$metadata`,
        value: this.#entitySetNames().map((name) => ({ name, kind: 'EntitySet', url: name })),
      });
    }
    if (path === '$metadata' && method === 'GET') return this.#metadata();
    if (path === '$batch') {
      if (method !== 'POST' || !allowBatch) throw dataverseFaults.methodNotAllowed(method, path);
      return this.#batch(request, root, callbacks);
    }
    if ((path === 'WhoAmI' || path === 'WhoAmI()') && method === 'GET') {
      return jsonResponse(200, {
        '@odata.context': `${root}$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
        ...WHO_AM_I,
      });
    }

    const resource = parseResourcePath(path);
    const counting = !resource.key && resource.rest.length === 1 && resource.rest[0] === '$count' && method === 'GET';
    if (resource.rest.length > 0 && !counting) throw dataverseFaults.resourceNotFound(resource.rest[0] ?? '');
    const table = this.#table(resource.entitySet);
    if (table) {
      const definition = this.#store.tables.table(table.name).definition;
      const onWrite = (action: WriteAction, row: Readonly<SalesRow>) => {
        const id = String(row[definition.primaryKey]);
        const alternate = definition.alternateKey ? row[definition.alternateKey] : undefined;
        const key = typeof alternate === 'string' && alternate !== '' ? alternate : id;
        this.#writes.record(this.#store.undo, 'sales', table.name, { key, id }, action);
      };
      const settings = this.#changeTracking();
      // Dataverse's "Track changes" is per table: its declared default, or the emulator's settings.
      const tracked = isTracked(settings, table.name, definition.changeTracking ?? false);
      return serveSalesTable(this.#store.tables, {
        request,
        url,
        root,
        set: table,
        key: resource.key,
        counting,
        onWrite,
        tracking: tracked ? { settings, clock: this.#store } : undefined,
      });
    }
    if (counting) {
      if (resource.entitySet === 'transactioncurrencies') {
        return queryDataverseCollection(request, url, this.#currencies, root, true);
      }
      throw dataverseFaults.resourceNotFound(resource.entitySet);
    }
    if (resource.entitySet === 'transactioncurrencies') {
      if (method !== 'GET') throw dataverseFaults.readOnly('transactioncurrencies');
      if (!resource.key) return queryDataverseCollection(request, url, this.#currencies, root);
      const id = resource.key.kind === 'single' ? resource.key.value : resource.key.values.get('transactioncurrencyid');
      const currency = typeof id === 'string' ? this.#store.currency(id) : undefined;
      if (!currency) throw tableFaults.recordNotFound('transactioncurrency', String(id ?? resource.key.raw));
      const shape = readShape(url, request, this.#currencies);
      return jsonResponse(200, {
        '@odata.context': `${root}$metadata#${contextFragment('transactioncurrencies', shape.select, [])}/$entity`,
        ...formatCurrency(currency, shape.select),
      });
    }
    throw dataverseFaults.resourceNotFound(resource.entitySet);
  }

  /** Accounts first, then currencies and the other tables, as the service document lists them. */
  #entitySetNames(): string[] {
    const [accounts, ...others] = this.#store.tables.definitions().map((definition) => definition.set);
    return [accounts ?? 'accounts', this.#currencies.name, ...others];
  }

  #metadata(): Response {
    const [accounts, ...others] = this.#store.tables.definitions();
    const tables = others;
    const xml = metadataDocument({
      namespace: 'Microsoft.Dynamics.CRM',
      containerName: 'System',
      entityTypes: [
        ...(accounts ? [{ name: accounts.logical, key: [accounts.primaryKey], model: tableModel(accounts) }] : []),
        { name: 'transactioncurrency', key: ['transactioncurrencyid'], model: TRANSACTION_CURRENCY_MODEL },
        ...tables.map((definition) => ({
          name: definition.logical,
          key: [definition.primaryKey],
          model: tableModel(definition),
        })),
      ],
      entitySets: [
        ...(accounts ? [{ name: accounts.set, entityType: accounts.logical }] : []),
        { name: 'transactioncurrencies', entityType: 'transactioncurrency' },
        ...tables.map((definition) => ({ name: definition.set, entityType: definition.logical })),
      ],
    });
    return new Response(xml, { status: 200, headers: { 'Content-Type': 'application/xml', 'OData-Version': '4.0' } });
  }

  #batch(request: Request, root: string, callbacks: DataverseCallbacks): Promise<Response> {
    const store = this.#store;
    return executeBatch(request, {
      maxOperations: MAX_BATCH_REQUESTS,
      serviceRoot: root,
      execute: async (inner) => {
        try {
          return await this.#route(inner, callbacks, false);
        } catch (error) {
          if (error instanceof DataverseFault) return error.toResponse();
          if (error instanceof ODataQueryError) return dataverseFaults.query(error.message).toResponse();
          throw error;
        }
      },
      onOperation: (method) => callbacks.onBatchOperation(method),
      begin: () => store.undo.begin(),
      commit: () => store.undo.commit(),
      rollback: () => store.undo.rollback(),
      changesetFailure: callbacks.changesetFailure,
      errorResponse: (status, message) => new DataverseFault(status, '0x80060888', message).toResponse(),
    });
  }
}
