import { emptyResponse, jsonResponse } from '../http/jsonResponse.js';
import { readJsonObject } from '../http/readJsonObject.js';
import { executeBatch } from '../odata/batch/executeBatch.js';
import type { ChangesetFailurePlan } from '../pipeline/EmulatorContext.js';
import { etagMatches } from '../odata/etags.js';
import { metadataDocument } from '../odata/metadataDocument.js';
import { ODataQueryError } from '../odata/ODataQueryError.js';
import { parsePrefer } from '../odata/parsePrefer.js';
import { parseResourcePath, type KeySegment } from '../odata/parseResourcePath.js';
import { ACCOUNT_MODEL, TRANSACTION_CURRENCY_MODEL } from './accountColumns.js';
import { DEFAULT_CHANGE_TRACKING, isTracked, type ChangeTrackingSettings } from './changes/changeTrackingSettings.js';
import { asksForChanges, trackChanges, trackingFaults, type TrackedTable } from './changes/trackChanges.js';
import { createAccount, deleteAccount, updateAccount } from './accountWrites.js';
import type { DataverseAccount } from './DataverseAccount.js';
import { contextFragment, type DataverseEntitySet } from './DataverseEntitySet.js';
import { DataverseFault, dataverseFaults } from './DataverseFault.js';
import type { DataverseStore } from './DataverseStore.js';
import { etagOf, formatAccount, formatCurrency } from './formatAccount.js';
import { queryDataverseCollection, readShape } from './queryDataverseCollection.js';
import { readAccountPayload } from './readAccountPayload.js';
import type { TransactionCurrency } from './TransactionCurrency.js';
import { serveSalesTable } from './tables/serveSalesTable.js';
import { tableEntitySet, tableModel } from './tables/tableEntitySet.js';
import type { SalesRow } from './tables/TableDefinition.js';
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

/** The key a request addressed an account by, and the row it found (if any). */
interface AccountTarget {
  readonly row: DataverseAccount | undefined;
  readonly id?: string;
  readonly accountnumber?: string;
}

/**
 * The Dataverse Web API for `accounts` (read/write) and `transactioncurrencies` (read),
 * under `/api/data/v9.2/`. Authentication and counting happen before a request gets here.
 */
export class DataverseService {
  readonly #store: DataverseStore;
  readonly #accounts: DataverseEntitySet<DataverseAccount>;
  readonly #trackedAccounts: TrackedTable<DataverseAccount>;
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
    this.#accounts = {
      name: 'accounts',
      model: ACCOUNT_MODEL,
      primaryKey: 'accountid',
      reader: {
        value: (row, property) => row[property as keyof DataverseAccount],
        navigate: (row) => {
          const currency = row._transactioncurrencyid_value
            ? store.currency(row._transactioncurrencyid_value)
            : undefined;
          return currency ? { ...currency } : null;
        },
      },
      rows: () => store.accounts(),
      format: (row, shape) => formatAccount(row, store, shape),
      keyOrder: () => store.accountIdsInKeyOrder(),
      byKey: (id) => store.account(id),
      version: () => store.currentVersion(),
    };
    this.#trackedAccounts = {
      set: this.#accounts,
      keyOrder: () => store.accountIdsInKeyOrder(),
      row: (id) => store.account(id),
      versionOf: (row) => row.versionnumber,
      changes: store.accountChanges,
    };
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
        value: [
          this.#accounts.name,
          this.#currencies.name,
          ...this.#store.tables.definitions().map((definition) => definition.set),
        ].map((name) => ({ name, kind: 'EntitySet', url: name })),
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
      if (resource.entitySet === 'accounts') return queryDataverseCollection(request, url, this.#accounts, root, true);
      if (resource.entitySet === 'transactioncurrencies') {
        return queryDataverseCollection(request, url, this.#currencies, root, true);
      }
      throw dataverseFaults.resourceNotFound(resource.entitySet);
    }
    if (resource.entitySet === 'accounts') return this.#accountsRequest(request, url, root, resource.key);
    if (resource.entitySet === 'transactioncurrencies') {
      if (method !== 'GET') throw dataverseFaults.readOnly('transactioncurrencies');
      if (!resource.key) return queryDataverseCollection(request, url, this.#currencies, root);
      const id = resource.key.kind === 'single' ? resource.key.value : resource.key.values.get('transactioncurrencyid');
      const currency = typeof id === 'string' ? this.#store.currency(id) : undefined;
      if (!currency) throw dataverseFaults.recordNotFound('transactioncurrency', String(id ?? resource.key.raw));
      const shape = readShape(url, request, this.#currencies);
      return jsonResponse(200, {
        '@odata.context': `${root}$metadata#${contextFragment('transactioncurrencies', shape.select, [])}/$entity`,
        ...formatCurrency(currency, shape.select),
      });
    }
    throw dataverseFaults.resourceNotFound(resource.entitySet);
  }

  #metadata(): Response {
    const tables = this.#store.tables.definitions();
    const xml = metadataDocument({
      namespace: 'Microsoft.Dynamics.CRM',
      containerName: 'System',
      entityTypes: [
        { name: 'account', key: ['accountid'], model: ACCOUNT_MODEL },
        { name: 'transactioncurrency', key: ['transactioncurrencyid'], model: TRANSACTION_CURRENCY_MODEL },
        ...tables.map((definition) => ({
          name: definition.logical,
          key: [definition.primaryKey],
          model: tableModel(definition),
        })),
      ],
      entitySets: [
        { name: 'accounts', entityType: 'account' },
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

  #findAccount(key: KeySegment): AccountTarget {
    const store = this.#store;
    const byId = (value: unknown): AccountTarget => {
      if (typeof value !== 'string' || !/^[0-9a-f-]{36}$/.test(value)) {
        throw dataverseFaults.query(
          `Bad Request - Error in query syntax. The key segment '(${key.raw})' is not valid.`,
        );
      }
      return { row: store.account(value), id: value };
    };
    if (key.kind === 'single') return byId(key.value);
    const names = [...key.values.keys()];
    if (names.length === 1 && names[0] === 'accountid') return byId(key.values.get('accountid'));
    if (names.length === 1 && names[0] === 'accountnumber') {
      const value = key.values.get('accountnumber');
      if (typeof value !== 'string') {
        throw dataverseFaults.query(
          `Bad Request - Error in query syntax. The key segment '(${key.raw})' is not valid.`,
        );
      }
      const rows = store.accountsByNumber(value);
      if (rows.length > 1)
        throw dataverseFaults.ambiguousKey(`accountnumber='${value.replace(/'/g, "''")}'`, rows.length);
      return { row: rows[0], accountnumber: value };
    }
    throw dataverseFaults.undefinedKey('account', names.join(','));
  }

  #notFound(target: AccountTarget): DataverseFault {
    return target.id !== undefined
      ? dataverseFaults.recordNotFound('account', target.id)
      : dataverseFaults.keyNotFound('account');
  }

  async #accountsRequest(request: Request, url: URL, root: string, key: KeySegment | undefined): Promise<Response> {
    const method = request.method.toUpperCase();
    if (!key) {
      if (method === 'GET') return this.#queryAccounts(request, url, root);
      if (method === 'POST') return this.#createAccount(request, url, root);
      throw dataverseFaults.methodNotAllowed(method, 'accounts');
    }
    const target = this.#findAccount(key);
    switch (method) {
      case 'GET':
        return this.#readAccount(request, url, root, target);
      case 'PATCH':
        return this.#upsertAccount(request, url, root, target);
      case 'DELETE': {
        if (!target.row) throw this.#notFound(target);
        const ifMatch = request.headers.get('if-match');
        if (ifMatch && !etagMatches(ifMatch, etagOf(target.row.versionnumber))) throw dataverseFaults.versionMismatch();
        deleteAccount(this.#store, target.row.accountid);
        this.#logAccount(target.row, 'delete');
        return emptyResponse(204);
      }
      default:
        throw dataverseFaults.methodNotAllowed(method, 'accounts');
    }
  }

  /**
   * With change tracking on, `Prefer: odata.track-changes`, a `$deltatoken` or a tracking next
   * link read changes; with it off the preference is ignored (no delta link), as Dataverse does.
   */
  #queryAccounts(request: Request, url: URL, root: string): Response {
    const settings = this.#changeTracking();
    if (asksForChanges(request, url) && settings.accounts)
      return trackChanges(request, url, this.#trackedAccounts, this.#store, root, settings);
    if (url.searchParams.has('$deltatoken')) throw trackingFaults.notTracked('account');
    return queryDataverseCollection(request, url, this.#accounts, root);
  }

  #readAccount(request: Request, url: URL, root: string, target: AccountTarget): Response {
    if (!target.row) throw this.#notFound(target);
    const shape = readShape(url, request, this.#accounts);
    const etag = etagOf(target.row.versionnumber);
    const ifNoneMatch = request.headers.get('if-none-match');
    if (ifNoneMatch && etagMatches(ifNoneMatch, etag)) return emptyResponse(304, { ETag: etag });
    const headers: Record<string, string> = { ETag: etag };
    if (shape.annotationPreference !== undefined) {
      headers['Preference-Applied'] = `odata.include-annotations="${shape.annotationPreference}"`;
    }
    return jsonResponse(
      200,
      {
        '@odata.context': `${root}$metadata#${contextFragment('accounts', shape.select, shape.expand)}/$entity`,
        ...formatAccount(target.row, this.#store, shape),
      },
      headers,
    );
  }

  async #body(request: Request): Promise<Record<string, unknown>> {
    const body = await readJsonObject(request);
    if (!body) throw dataverseFaults.payload('Microsoft.OData.ODataException: The request body is not a JSON object.');
    return body;
  }

  #written(request: Request, url: URL, root: string, row: DataverseAccount, status: 200 | 201): Response {
    const entityId = `${root}accounts(${row.accountid})`;
    const representation = parsePrefer(request.headers.get('prefer')).get('return') === 'representation';
    if (!representation) return emptyResponse(204, { 'OData-EntityId': entityId });
    const shape = readShape(url, request, this.#accounts);
    return jsonResponse(
      status,
      {
        '@odata.context': `${root}$metadata#${contextFragment('accounts', shape.select, shape.expand)}/$entity`,
        ...formatAccount(row, this.#store, shape),
      },
      { 'OData-EntityId': entityId, 'Preference-Applied': 'return=representation', ETag: etagOf(row.versionnumber) },
    );
  }

  async #createAccount(request: Request, url: URL, root: string): Promise<Response> {
    const changes = readAccountPayload(await this.#body(request), 'webapi', this.#store);
    const row = createAccount(this.#store, changes, { enforceUniqueNumber: true });
    this.#logAccount(row, 'create');
    return this.#written(request, url, root, row, 201);
  }

  #logAccount(row: DataverseAccount, action: WriteAction): void {
    const key = row.accountnumber ? row.accountnumber : row.accountid;
    this.#writes.record(this.#store.undo, 'sales', 'accounts', { key, id: row.accountid }, action);
  }

  /** PATCH by key is an upsert; If-Match / If-None-Match turn it into update-only / create-only. */
  async #upsertAccount(request: Request, url: URL, root: string, target: AccountTarget): Promise<Response> {
    const ifMatch = request.headers.get('if-match');
    const ifNoneMatch = request.headers.get('if-none-match');
    const changes = readAccountPayload(await this.#body(request), 'webapi', this.#store);
    if (target.row) {
      if (ifNoneMatch?.trim() === '*') throw dataverseFaults.duplicateRecord();
      if (ifMatch && !etagMatches(ifMatch, etagOf(target.row.versionnumber))) throw dataverseFaults.versionMismatch();
      const row = updateAccount(this.#store, target.row.accountid, changes, { enforceUniqueNumber: true });
      this.#logAccount(row, 'update');
      return this.#written(request, url, root, row, 200);
    }
    if (ifMatch) throw this.#notFound(target);
    const keyed =
      target.id !== undefined
        ? { ...changes, accountid: target.id }
        : { ...changes, accountnumber: target.accountnumber ?? null };
    const row = createAccount(this.#store, keyed, { enforceUniqueNumber: true });
    this.#logAccount(row, 'create');
    return this.#written(request, url, root, row, 201);
  }
}
