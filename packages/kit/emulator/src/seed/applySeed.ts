import type { AuthService } from '../auth/AuthService.js';
import type { DataverseStore } from '../dataverse/DataverseStore.js';
import { ACCOUNT_COLUMNS, isAccountColumn } from './accountSeedColumns.js';
import type { LookupWrite, TablePayload } from '../dataverse/tables/readTablePayload.js';
import { DEFAULT_TRANSACTION_CURRENCIES, type TransactionCurrency } from '../dataverse/TransactionCurrency.js';
import { emptyCustomer, type ReferenceList } from '../finops/customerFields.js';
import type { FinOpsCustomer } from '../finops/FinOpsCustomer.js';
import type { FinOpsStore } from '../finops/FinOpsStore.js';
import { declaredTableDefinition } from '../dataverse/tables/declaredTableDefinition.js';
import { declaredEntityDefinition } from '../finops/entities/declaredEntityDefinition.js';
import { prepareEntitySeeds } from '../finops/entities/entitySeed.js';
import { applySalesTableSeeds } from './applySalesTableSeeds.js';
import { deterministicGuid } from './deterministicGuid.js';
import type { EmulatorSeed, SeedAccount, SeedCurrency, SeedReference } from './emulatorSeedSchema.js';
import { EmulatorSeedError } from './parseEmulatorSeed.js';

export interface SeedTargets {
  readonly dataverse: DataverseStore;
  readonly finops: FinOpsStore;
  readonly auth: AuthService;
}

function toCurrency(seed: SeedCurrency): TransactionCurrency {
  return {
    transactioncurrencyid: (
      seed.transactioncurrencyid ?? deterministicGuid(`currency|${seed.isocurrencycode.toUpperCase()}`)
    ).toLowerCase(),
    isocurrencycode: seed.isocurrencycode,
    currencyname: seed.currencyname ?? seed.isocurrencycode,
    currencysymbol: seed.currencysymbol ?? '',
  };
}

/** Refuses rows that would collide with data already in the stores (adding, not replacing). */
function findConflicts(targets: SeedTargets, seed: EmulatorSeed): string[] {
  const problems: string[] = [];
  seed.sales?.transactioncurrencies?.forEach((row, index) => {
    const currency = toCurrency(row);
    if (
      targets.dataverse.currency(currency.transactioncurrencyid) ||
      targets.dataverse.currencyByIsoCode(currency.isocurrencycode)
    ) {
      problems.push(`sales.transactioncurrencies[${index}]: the currency ${currency.isocurrencycode} already exists`);
    }
  });
  seed.sales?.accounts?.forEach((row, index) => {
    if (row.accountid && targets.dataverse.tables.row('accounts', row.accountid)) {
      problems.push(`sales.accounts[${index}].accountid: an account with id ${row.accountid} already exists`);
    }
  });
  const defaultCompany = targets.finops.defaultCompany;
  seed.finops?.customers?.forEach((row, index) => {
    const company = row.dataAreaId ?? defaultCompany;
    if (targets.finops.customer(company, row.CustomerAccount)) {
      problems.push(
        `finops.customers[${index}].CustomerAccount: customer ${row.CustomerAccount} already exists in ${company.toLowerCase()}`,
      );
    }
  });
  return problems;
}

const ACCOUNT_CURRENCY = '_transactioncurrencyid_value';

/**
 * A seed row the schema already validated, as the table engine would read it from a direct
 * source, without checking each value again (a million rows load in seconds).
 */
function seedAccountPayload(
  row: SeedAccount,
  store: DataverseStore,
): TablePayload & { lookups: Map<string, LookupWrite> } {
  const values: Record<string, unknown> = {};
  const lookups = new Map<string, LookupWrite>();
  for (const key in row) {
    if (!isAccountColumn(key)) continue;
    const value = row[key];
    if (value === undefined) continue;
    const kind = ACCOUNT_COLUMNS[key].kind;
    if (key === ACCOUNT_CURRENCY) {
      if (value === null) lookups.set('transactioncurrencyid', { kind: 'clear' });
      // A seed copied from another organization names currencies this one does not have.
      else if (typeof value === 'string' && store.currency(value))
        lookups.set('transactioncurrencyid', {
          kind: 'id',
          id: value.toLowerCase(),
          allowed: ['transactioncurrencies'],
        });
    } else if (value === null && kind === 'boolean') values[key] = false;
    else if (kind === 'primarykey' && typeof value === 'string') values[key] = value.toLowerCase();
    else values[key] = value;
  }
  return { values, lookups };
}

function applySales(store: DataverseStore, seed: EmulatorSeed, adding: boolean): void {
  const currencies = seed.sales?.transactioncurrencies ?? (adding ? [] : DEFAULT_TRANSACTION_CURRENCIES);
  for (const currency of currencies) store.addCurrency(toCurrency(currency));
  const salt = store.tables.table('accounts').size;
  seed.sales?.accounts?.forEach((seedRow, index) => {
    const link = seedRow.transactioncurrencyid;
    const payload = seedAccountPayload(seedRow, store);
    if (link && !payload.lookups.has('transactioncurrencyid')) {
      let currency = store.currencyByIsoCode(link.isocurrencycode);
      if (!currency) {
        currency = toCurrency({ ...link, isocurrencycode: link.isocurrencycode.toUpperCase() });
        store.addCurrency(currency);
      }
      payload.lookups.set('transactioncurrencyid', {
        kind: 'id',
        id: currency.transactioncurrencyid,
        allowed: ['transactioncurrencies'],
      });
    }
    payload.values['accountid'] ??= deterministicGuid(
      `account|${index + salt}|${seedRow.accountnumber ?? ''}|${seedRow.name ?? ''}`,
    );
    store.tables.create('accounts', payload, 'direct', { keepSystemColumns: true });
  });
}

function referenceValue(item: SeedReference<string>, key: string): { dataAreaId?: string; value: string } {
  if (typeof item === 'string') return { value: item };
  const value = (item as Record<string, string>)[key] ?? '';
  return item.dataAreaId === undefined ? { value } : { dataAreaId: item.dataAreaId, value };
}

function applyFinOps(store: FinOpsStore, seed: EmulatorSeed): void {
  const finops = seed.finops;
  if (!finops) return;
  for (const entity of finops.legalEntities ?? []) store.addLegalEntity(entity);

  const scoped: [ReferenceList, readonly SeedReference<string>[] | undefined, string][] = [
    ['paymentTerms', finops.paymentTerms, 'Name'],
    ['deliveryTerms', finops.deliveryTerms, 'TermsCode'],
    ['deliveryModes', finops.deliveryModes, 'ModeCode'],
    ['sites', finops.sites, 'SiteId'],
    ['warehouses', finops.warehouses, 'WarehouseId'],
    ['decisionRoles', finops.decisionRoles, 'DecisionMakingRoleCode'],
  ];
  for (const [list, items, key] of scoped) {
    if (!items) continue;
    store.declareReferenceList(list);
    for (const item of items) {
      const { dataAreaId, value } = referenceValue(item, key);
      store.addReference(list, dataAreaId, value);
    }
  }
  for (const [list, items] of [
    ['currencies', finops.currencies],
    ['languages', finops.languages],
  ] as const) {
    if (!items) continue;
    store.declareReferenceList(list);
    for (const value of items) store.addReference(list, undefined, value);
  }
  if (finops.customerGroups) {
    store.declareReferenceList('customerGroups');
    for (const group of finops.customerGroups) {
      const groups =
        typeof group === 'string'
          ? store.legalEntities().map((dataAreaId) => ({ dataAreaId, CustomerGroupId: group, Description: '' }))
          : [
              {
                dataAreaId: group.dataAreaId ?? store.defaultCompany,
                CustomerGroupId: group.CustomerGroupId,
                Description: group.Description ?? '',
              },
            ];
      for (const row of groups) store.addCustomerGroup(row);
    }
  }

  const rows: FinOpsCustomer[] = (finops.customers ?? []).map((seedRow) => ({
    ...emptyCustomer(),
    PartyType: 'Organization',
    ...seedRow,
    dataAreaId: (seedRow.dataAreaId ?? store.defaultCompany).toLowerCase(),
  }));
  // Rows that bring a party number go first, so generated numbers never collide with them.
  for (const row of rows.filter((candidate) => candidate.PartyNumber !== '')) store.seedCustomer(row);
  for (const row of rows.filter((candidate) => candidate.PartyNumber === '')) store.seedCustomer(row);
}

/**
 * Loads a validated seed into the stores. With `adding`, rows join the existing data and any
 * collision is refused before anything changes; otherwise the stores are fresh.
 */
export function applySeed(targets: SeedTargets, seed: EmulatorSeed, adding: boolean): void {
  const tables = (seed.sales?.tables ?? []).map(declaredTableDefinition);
  const entities = (seed.finops?.entities ?? []).map(declaredEntityDefinition);
  const entitySeeds = prepareEntitySeeds(targets.finops, seed.finops, seed.finops?.legalEntities, entities);
  if (entitySeeds.problems.length > 0) {
    throw new EmulatorSeedError(
      `Invalid seed:\n${entitySeeds.problems.map((problem) => `  ${problem}`).join('\n')}`,
      entitySeeds.problems,
    );
  }
  if (adding) {
    const problems = [...findConflicts(targets, seed), ...entitySeeds.conflicts];
    if (problems.length > 0) {
      throw new EmulatorSeedError(
        `The seed collides with existing data:\n${problems.map((problem) => `  ${problem}`).join('\n')}`,
        problems,
        'conflict',
      );
    }
  }
  // The schema checked the declarations against the built-ins and what earlier seeds declared.
  for (const table of tables) targets.dataverse.tables.declare(table);
  for (const entity of entities) targets.finops.declareEntity(entity);
  applySales(targets.dataverse, seed, adding);
  applySalesTableSeeds(targets.dataverse, seed.sales);
  applyFinOps(targets.finops, seed);
  entitySeeds.apply();
  if (seed.auth) {
    if (adding) {
      if (seed.auth.tenantId !== undefined) targets.auth.setTenant(seed.auth.tenantId);
      targets.auth.addClients(seed.auth.clients ?? []);
    } else {
      targets.auth.configure(seed.auth.tenantId, seed.auth.clients);
    }
  }
}
