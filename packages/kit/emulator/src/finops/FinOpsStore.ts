import { UndoLog } from '../store/UndoLog.js';
import type { ReferenceList } from './customerFields.js';
import type { FinOpsCustomer, FinOpsCustomerGroup } from './FinOpsCustomer.js';
import type { EntityLookup, FinOpsEntityRow } from './entities/EntityDefinition.js';
import { entityDefinition, FINOPS_ENTITIES } from './entities/entityCatalog.js';
import type { EntityDefinition } from './entities/EntityDefinition.js';
import { CUSTOMERS_V3 } from './entities/customersV3.js';
import { EntityStore } from './entities/EntityStore.js';

/** Reference values per list; `*` as company means "in every legal entity". */
type ReferenceValues = Map<string, Set<string>>;

/**
 * One F&O environment in memory: legal entities, the data entities' rows (CustomersV3 among
 * them), customer groups and the reference lists a seed provided. Changes go through the undo
 * log for atomic change sets.
 */
export class FinOpsStore {
  readonly undo = new UndoLog();
  /** Rows of the data entities (customers, sales documents, products, contact persons). */
  readonly entities = new EntityStore(this.undo, (row) => this.#observeParty(row));
  /** What entity validations and computed fields read: customers, other entities' rows, reference lists. */
  readonly lookup: EntityLookup = {
    customer: (dataAreaId, account) =>
      this.entities.get(CUSTOMERS_V3.entitySet, dataAreaId, [account]) as unknown as FinOpsCustomer | undefined,
    row: (entitySet, dataAreaId, key) => this.entities.get(entitySet, dataAreaId, key),
    hasReference: (list, dataAreaId, value) => this.hasReference(list as ReferenceList, dataAreaId, value),
  };
  readonly #declared = new Map<string, EntityDefinition>();
  readonly #legalEntities: string[];
  readonly #groups: FinOpsCustomerGroup[] = [];
  readonly #references = new Map<ReferenceList, ReferenceValues>();
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
    if (entitySet === CUSTOMERS_V3.entitySet) return CUSTOMERS_V3;
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
    return this.entities.rows(CUSTOMERS_V3.entitySet).map((row) => ({ ...row }) as unknown as FinOpsCustomer);
  }

  customer(dataAreaId: string, account: string): FinOpsCustomer | undefined {
    const row = this.lookup.customer(dataAreaId, account);
    return row ? { ...row } : undefined;
  }

  /** Stores a customer as a seed gives it (no validation; a party number when it has none). */
  seedCustomer(row: FinOpsCustomer): void {
    const stored = row.PartyNumber === '' ? { ...row, PartyNumber: this.nextPartyNumber() } : row;
    this.entities.put(CUSTOMERS_V3.entitySet, [stored.CustomerAccount], stored as unknown as FinOpsEntityRow);
  }

  /** New party numbers continue after the highest numeric one in use. */
  #observeParty(row: FinOpsEntityRow): void {
    const party = row['PartyNumber'];
    if (typeof party === 'string' && /^\d+$/.test(party)) this.#party = Math.max(this.#party, Number(party));
  }

  /** Global party numbers (DirPartyTable is shared across companies), zero-padded to 9. */
  nextPartyNumber(): string {
    this.#party += 1;
    return String(this.#party).padStart(9, '0');
  }
}
