import { jsonResponse } from '../http/jsonResponse.js';
import { executeBatch } from '../odata/batch/executeBatch.js';
import type { ChangesetFailurePlan } from '../pipeline/EmulatorContext.js';
import { metadataDocument } from '../odata/metadataDocument.js';
import { ODataQueryError } from '../odata/ODataQueryError.js';
import { parseResourcePath, type KeySegment } from '../odata/parseResourcePath.js';
import { CUSTOMER_GROUP_MODEL } from './customerFields.js';
import type { FinOpsCustomerGroup } from './FinOpsCustomer.js';
import { FinOpsFault, methodNotSupported, noResource } from './FinOpsFault.js';
import { CUSTOMERS_V3 } from './entities/customersV3.js';
import { entityModel } from './entities/entityModel.js';
import { handleEntityRequest } from './entities/handleEntityRequest.js';
import type { FinOpsStore } from './FinOpsStore.js';
import {
  formatFinOpsRow,
  isCrossCompany,
  queryFinOpsCollection,
  type FinOpsEntitySet,
} from './queryFinOpsCollection.js';
import { WriteLog, type WriteAction } from '../store/WriteLog.js';

const FINOPS_ROOT_PATH = '/data/';
const MAX_BATCH_OPERATIONS = 5000;

export interface FinOpsCallbacks {
  onBatchOperation(method: string): void;
  /** An injected fault for this request's `$batch`. */
  readonly changesetFailure?: ChangesetFailurePlan | undefined;
}

/**
 * F&O's OData service under `/data/`: the data entities of `entities/` (read/write), CustomersV3
 * first, `CustomerGroups` (read), `$metadata` and `$batch`. Entity set names are case-sensitive, as in F&O.
 */
export class FinOpsService {
  readonly #store: FinOpsStore;
  readonly #groups: FinOpsEntitySet<FinOpsCustomerGroup>;
  readonly #writes: WriteLog;

  constructor(store: FinOpsStore, writes: WriteLog = new WriteLog()) {
    this.#store = store;
    this.#writes = writes;
    this.#groups = {
      name: 'CustomerGroups',
      model: CUSTOMER_GROUP_MODEL,
      keyFields: ['dataAreaId', 'CustomerGroupId'],
      reader: { value: (row, property) => row[property as keyof FinOpsCustomerGroup] },
      rows: () => store.customerGroups(),
      etag: () => undefined,
    };
  }

  async handle(request: Request, callbacks: FinOpsCallbacks): Promise<Response> {
    return this.#guarded(request, callbacks, true);
  }

  async #guarded(request: Request, callbacks: FinOpsCallbacks, allowBatch: boolean): Promise<Response> {
    try {
      return await this.#route(request, callbacks, allowBatch);
    } catch (error) {
      if (error instanceof FinOpsFault) return error.toResponse();
      if (error instanceof ODataQueryError) return new FinOpsFault(400, error.message).toResponse();
      throw error;
    }
  }

  async #route(request: Request, callbacks: FinOpsCallbacks, allowBatch: boolean): Promise<Response> {
    const url = new URL(request.url);
    const root = `${url.origin}${FINOPS_ROOT_PATH}`;
    const path = decodeURIComponent(url.pathname.slice(FINOPS_ROOT_PATH.length));
    const method = request.method.toUpperCase();

    if (path === '' && method === 'GET') {
      return jsonResponse(200, {
        '@odata.context': `${root}$metadata`,
        value: [
          CUSTOMERS_V3.entitySet,
          'CustomerGroups',
          ...this.#store.entityDefinitions().map((entity) => entity.entitySet),
        ].map((name) => ({ name, kind: 'EntitySet', url: name })),
      });
    }
    if (path === '$metadata') {
      return method === 'GET' ? this.#metadata() : methodNotSupported(method);
    }
    if (path === '$batch') {
      if (method !== 'POST' || !allowBatch) return methodNotSupported(method);
      return this.#batch(request, root, callbacks);
    }
    const resource = parseResourcePath(path);
    const entity = this.#store.entityDefinition(resource.entitySet);
    if (entity) {
      const onWrite = (action: WriteAction, key: string) =>
        this.#writes.record(this.#store.undo, 'finops', entity.entitySet, { key }, action);
      return handleEntityRequest(request, url, root, this.#store, entity, resource.key, resource.rest, onWrite);
    }
    if (resource.entitySet === 'CustomerGroups') {
      if (method !== 'GET') return methodNotSupported(method);
      if (resource.rest.length > 0) return noResource(request.url);
      if (!resource.key) return queryFinOpsCollection(request, url, this.#groups, root, this.#store.defaultCompany);
      const [dataAreaId, id] = this.#key(resource.key, 'CustomerGroupId', CUSTOMER_GROUP_MODEL.typeName);
      const group = this.#store
        .customerGroups()
        .find(
          (row) =>
            row.dataAreaId === dataAreaId.toLowerCase() && row.CustomerGroupId.toLowerCase() === id.toLowerCase(),
        );
      if (!group || !this.#inScope(url, group.dataAreaId)) throw this.#notFound('CustomerGroups');
      return jsonResponse(200, {
        '@odata.context': `${root}$metadata#CustomerGroups/$entity`,
        ...formatFinOpsRow(this.#groups, group, undefined),
      });
    }
    return noResource(request.url);
  }

  #metadata(): Response {
    const [customers, ...others] = [CUSTOMERS_V3, ...this.#store.entityDefinitions()];
    const entities = others;
    const xml = metadataDocument({
      namespace: 'Microsoft.Dynamics.DataEntities',
      containerName: 'Resources',
      enumTypes: [{ name: 'NoYes', members: ['No', 'Yes'] }],
      entityTypes: [
        { name: customers.typeName, key: ['dataAreaId', ...customers.keyFields], model: entityModel(customers) },
        { name: 'CustomerGroup', key: ['dataAreaId', 'CustomerGroupId'], model: CUSTOMER_GROUP_MODEL },
        ...entities.map((entity) => ({
          name: entity.typeName,
          key: ['dataAreaId', ...entity.keyFields],
          model: entityModel(entity),
        })),
      ],
      entitySets: [
        { name: customers.entitySet, entityType: customers.typeName },
        { name: 'CustomerGroups', entityType: 'CustomerGroup' },
        ...entities.map((entity) => ({ name: entity.entitySet, entityType: entity.typeName })),
      ],
    });
    return new Response(xml, { status: 200, headers: { 'Content-Type': 'application/xml', 'OData-Version': '4.0' } });
  }

  #batch(request: Request, root: string, callbacks: FinOpsCallbacks): Promise<Response> {
    const store = this.#store;
    return executeBatch(request, {
      maxOperations: MAX_BATCH_OPERATIONS,
      serviceRoot: root,
      execute: (inner) => this.#guarded(inner, callbacks, false),
      onOperation: (method) => callbacks.onBatchOperation(method),
      begin: () => store.undo.begin(),
      commit: () => store.undo.commit(),
      rollback: () => store.undo.rollback(),
      changesetFailure: callbacks.changesetFailure,
      errorResponse: (status, message) => new FinOpsFault(status, message).toResponse(),
    });
  }

  /** `(dataAreaId='usmf',CustomerAccount='X')` in any order; names are case-sensitive. */
  #key(key: KeySegment, second: string, typeName: string): [string, string] {
    const values = key.kind === 'named' ? key.values : new Map<string, unknown>();
    const dataAreaId = values.get('dataAreaId');
    const other = values.get(second);
    if (values.size !== 2 || typeof dataAreaId !== 'string' || typeof other !== 'string') {
      throw new ODataQueryError(
        `The number of keys specified in the URI does not match number of key properties for the resource '${typeName}'.`,
      );
    }
    return [dataAreaId, other];
  }

  /** Outside the default company a row is only reachable with `cross-company=true`. */
  #inScope(url: URL, dataAreaId: string): boolean {
    return isCrossCompany(url) || dataAreaId.toLowerCase() === this.#store.defaultCompany;
  }

  #notFound(entitySet: string): FinOpsFault {
    return new FinOpsFault(404, `Resource not found for the segment '${entitySet}'.`);
  }
}
