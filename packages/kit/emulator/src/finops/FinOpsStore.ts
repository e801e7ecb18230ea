import { UndoLog } from '../store/UndoLog.js';
import type { ReferenceList } from './customerFields.js';
import type { FinOpsCustomer, FinOpsCustomerGroup } from './FinOpsCustomer.js';
import type { EntityLookup } from './entities/EntityDefinition.js';
import { entityDefinition, FINOPS_ENTITIES } from './entities/entityCatalog.js';
import type { EntityDefinition } from './entities/EntityDefinition.js';
import { EntityStore } from './entities/EntityStore.js';

interface StoredCustomer {
  readonly row: FinOpsCustomer;
  /** Record version behind the row's etag. */
  readonly version: number;
}

/** Reference values per list; `*` as company means "in every legal entity". */
type ReferenceValues = Map<string, Set<string>>;

/** Key of a company-scoped value: F&O compares keys without regard to case. */
function scopedKey(dataAreaId: string, value: string): string {
  return `${dataAreaId.toLowerCase()}|${value.toLowerCase()}`;
}

/**
 * One F&O environment in memory: legal entities, CustomersV3 rows, customer groups and the
 * reference lists a seed provided. Changes go through the undo log for atomic change sets.
 */
export class FinOpsStore {
  readonly undo = new UndoLog();
  /** Rows of the declared data entities (sales documents, products, contact persons). */
  readonly entities = new EntityStore(this.undo);
  /** What entity validations and computed fields read: customers and other entities' rows. */
  readonly lookup: EntityLookup = {
    customer: (dataAreaId, account) => this.#customers.get(scopedKey(dataAreaId, account))?.row,
    row: (entitySet, dataAreaId, key) => this.entities.get(entitySet, dataAreaId, key),
  };
  readonly #declared = new Map<string, EntityDefinition>();
  readonly #legalEntities: string[];
  readonly #customers = new Map<string, StoredCustomer>();
  readonly #groups: FinOpsCustomerGroup[] = [];
  readonly #references = new Map<ReferenceList, ReferenceValues>();
  #version = 5_637_144_576;
  #party = 0;

  constructor(legalEntities: readonly string[]) {
    this.#legalEntities = legalEntities.map((entity) => entity.toLowerCase());
  }

  /** Adds an entity a seed declared; it starts empty and is served like the built-in ones. */
  declareEntity(definition: EntityDefinition): void {
    if (this.entityDefinition(definition.entitySet))
      throw new Error(`The F&O entity set '${definition.entitySet}' already exists.`);
    this.#declared.set(definition.entitySet, definition);
  }

  /** A built-in or declared data entity by entity set name (case-sensitive). */
  entityDefinition(entitySet: string): EntityDefinition | undefined {
    return entityDefinition(entitySet) ?? this.#declared.get(entitySet);
  }

  /** Built-in entities (headers before lines), then the declared ones in declaration order. */
  entityDefinitions(): EntityDefinition[] {
    return [...FINOPS_ENTITIES, ...this.#declared.values()];
  }

  get defaultCompany(): string {
    return this.#legalEntities[0] ?? 'usmf';
  }

  legalEntities(): string[] {
    return [...this.#legalEntities];
  }

  addLegalEntity(dataAreaId: string): void {
    const id = dataAreaId.toLowerCase();
    if (!this.#legalEntities.includes(id)) this.#legalEntities.push(id);
  }

  isLegalEntity(dataAreaId: string): boolean {
    return this.#legalEntities.includes(dataAreaId.toLowerCase());
  }

  /** Reference lists exist only when a seed gave them; absent lists are not enforced. */
  enforces(list: ReferenceList): boolean {
    return this.#references.has(list);
  }

  addReference(list: ReferenceList, dataAreaId: string | undefined, value: string): void {
    const values = this.#references.get(list) ?? new Map<string, Set<string>>();
    this.#references.set(list, values);
    const company = dataAreaId?.toLowerCase() ?? '*';
    const set = values.get(company) ?? new Set<string>();
    values.set(company, set);
    set.add(value.toLowerCase());
  }

  /** Marks a list as enforced even when the seed gave it empty. */
  declareReferenceList(list: ReferenceList): void {
    if (!this.#references.has(list)) this.#references.set(list, new Map());
  }

  hasReference(list: ReferenceList, dataAreaId: string, value: string): boolean {
    const values = this.#references.get(list);
    if (!values) return true;
    const wanted = value.toLowerCase();
    return Boolean(values.get('*')?.has(wanted) || values.get(dataAreaId.toLowerCase())?.has(wanted));
  }

  customerGroups(): FinOpsCustomerGroup[] {
    return this.#groups.map((group) => ({ ...group }));
  }

  addCustomerGroup(group: FinOpsCustomerGroup): void {
    this.#groups.push({ ...group, dataAreaId: group.dataAreaId.toLowerCase() });
    this.addReference('customerGroups', group.dataAreaId, group.CustomerGroupId);
  }

  customers(): FinOpsCustomer[] {
    return [...this.#customers.values()].map((stored) => ({ ...stored.row }));
  }

  /** The stored rows themselves, for queries that only read them (no copy per row). */
  customerRows(): FinOpsCustomer[] {
    return Array.from(this.#customers.values(), (stored) => stored.row);
  }

  customer(dataAreaId: string, account: string): FinOpsCustomer | undefined {
    const stored = this.#customers.get(scopedKey(dataAreaId, account));
    return stored ? { ...stored.row } : undefined;
  }

  version(dataAreaId: string, account: string): number | undefined {
    return this.#customers.get(scopedKey(dataAreaId, account))?.version;
  }

  putCustomer(row: FinOpsCustomer): void {
    const key = scopedKey(row.dataAreaId, row.CustomerAccount);
    const previous = this.#customers.get(key);
    this.#version += 1;
    this.#customers.set(key, { row: { ...row }, version: this.#version });
    // New party numbers continue after the highest numeric one in use.
    if (/^\d+$/.test(row.PartyNumber)) this.#party = Math.max(this.#party, Number(row.PartyNumber));
    this.undo.record(() => {
      if (previous) this.#customers.set(key, previous);
      else this.#customers.delete(key);
    });
  }

  deleteCustomer(dataAreaId: string, account: string): void {
    const key = scopedKey(dataAreaId, account);
    const previous = this.#customers.get(key);
    if (!previous) return;
    this.#customers.delete(key);
    this.undo.record(() => this.#customers.set(key, previous));
  }

  /** Global party numbers (DirPartyTable is shared across companies), zero-padded to 9. */
  nextPartyNumber(): string {
    this.#party += 1;
    return String(this.#party).padStart(9, '0');
  }
}
