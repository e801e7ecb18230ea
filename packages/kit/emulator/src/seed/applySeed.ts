import type { AuthService } from '../auth/AuthService.js';
import { createAccount } from '../dataverse/accountWrites.js';
import type { DataverseStore } from '../dataverse/DataverseStore.js';
import { ACCOUNT_COLUMNS, isAccountColumn } from '../dataverse/accountColumns.js';
import type { AccountChanges } from '../dataverse/readAccountPayload.js';
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
    if (row.accountid && targets.dataverse.account(row.accountid)) {
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

/**
 * The columns of a seed row the schema already validated, as `readAccountPayload` would read
 * them from a direct source, without checking each value again (a million rows load in seconds).
 */
function seedAccountChanges(row: SeedAccount, store: DataverseStore): AccountChanges {
  const changes: Record<string, unknown> = {};
  for (const key in row) {
    if (!isAccountColumn(key)) continue;
    const value = row[key];
    if (value === undefined) continue;
    const kind = ACCOUNT_COLUMNS[key].kind;
    if (value === null && kind === 'boolean') changes[key] = false;
    else if ((kind === 'lookup' || kind === 'primarykey') && typeof value === 'string') {
      const id = value.toLowerCase();
      // A seed copied from another organization names currencies this one does not have.
      if (key === '_transactioncurrencyid_value' && !store.currency(id)) continue;
      changes[key] = id;
    } else changes[key] = value;
  }
  return changes;
}

function applySales(store: DataverseStore, seed: EmulatorSeed, adding: boolean): void {
  const currencies = seed.sales?.transactioncurrencies ?? (adding ? [] : DEFAULT_TRANSACTION_CURRENCIES);
  for (const currency of currencies) store.addCurrency(toCurrency(currency));
  const salt = store.accountCount;
  seed.sales?.accounts?.forEach((seedRow, index) => {
    const link = seedRow.transactioncurrencyid;
    const changes = seedAccountChanges(seedRow, store);
    if (link && changes._transactioncurrencyid_value === undefined) {
      let currency = store.currencyByIsoCode(link.isocurrencycode);
      if (!currency) {
        currency = toCurrency({ ...link, isocurrencycode: link.isocurrencycode.toUpperCase() });
        store.addCurrency(currency);
      }
      changes._transactioncurrencyid_value = currency.transactioncurrencyid;
    }
    changes.accountid ??= deterministicGuid(
      `account|${index + salt}|${seedRow.accountnumber ?? ''}|${seedRow.name ?? ''}`,
    );
    createAccount(store, changes, { enforceUniqueNumber: false, keepSystemColumns: true, allowNameless: true });
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
  for (const row of rows.filter((candidate) => candidate.PartyNumber !== '')) store.putCustomer(row);
  for (const row of rows.filter((candidate) => candidate.PartyNumber === '')) {
    store.putCustomer({ ...row, PartyNumber: store.nextPartyNumber() });
  }
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
