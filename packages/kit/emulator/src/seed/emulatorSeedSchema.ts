import { z } from 'zod';
import { salesTableSeedShape } from './salesTableSeedSchema.js';
import { ACCOUNT_COLUMNS } from './accountSeedColumns.js';
import type { AccountColumn, DataverseAccount } from '../dataverse/DataverseAccount.js';
import type { TransactionCurrency } from '../dataverse/TransactionCurrency.js';
import { CUSTOMER_FIELDS, CUSTOMER_FIELD_NAMES } from '../finops/customerFields.js';
import type { FinOpsCustomer } from '../finops/FinOpsCustomer.js';
import { ENTITY_SEED_SHAPE } from '../finops/entities/entitySeed.js';
import { valueText } from '../odata/valueText.js';
import { checkDeclarations, type DeclaredNames } from './checkDeclarations.js';
import {
  entityDeclarationSchema,
  tableDeclarationSchema,
  type SeedEntityDeclaration,
  type SeedTableDeclaration,
} from './declarationSchema.js';
import type { SeedSalesRow } from './salesTableSeedSchema.js';

/** A seed account: any column of the Web API row; the currency by id or by ISO code. */
export type SeedAccount = { [K in AccountColumn]?: DataverseAccount[K] | null } & {
  transactioncurrencyid?: { isocurrencycode: string; currencyname?: string; transactioncurrencyid?: string };
};

/** A seed currency; a missing id is derived from the ISO code. */
export type SeedCurrency = Partial<TransactionCurrency> & Pick<TransactionCurrency, 'isocurrencycode'>;

/** A seed CustomersV3 row; missing fields take F&O's defaults. */
export type SeedCustomer = Partial<FinOpsCustomer> & Pick<FinOpsCustomer, 'CustomerAccount'>;

/** A company-scoped reference value; a bare string applies to every legal entity. */
export type SeedReference<K extends string> = string | ({ dataAreaId?: string } & Record<K, string>);

export interface SeedCustomerGroup {
  dataAreaId?: string;
  CustomerGroupId: string;
  Description?: string;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const guid = z.string().regex(GUID, 'expected a GUID');

/** Rows copied from real responses carry annotations (`@odata.etag`, formatted values): drop them. */
function withoutAnnotations(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.includes('@')));
}

function accountColumnSchema(column: AccountColumn): z.ZodType {
  const definition = ACCOUNT_COLUMNS[column];
  switch (definition.kind) {
    case 'primarykey':
      return guid.optional();
    case 'lookup':
      return guid.nullable().optional();
    case 'string':
      return z
        .string()
        .max(definition.maxLength ?? Number.MAX_SAFE_INTEGER)
        .nullable()
        .optional();
    case 'integer':
    case 'money': {
      const base = definition.kind === 'integer' ? z.number().int() : z.number();
      return base
        .min(definition.min ?? -Number.MAX_VALUE)
        .max(definition.max ?? Number.MAX_VALUE)
        .nullable()
        .optional();
    }
    case 'boolean':
      return z.boolean().nullable().optional();
    case 'picklist':
    case 'state': {
      // Real organizations add their own option values (100000000…): any whole number is kept.
      const option = z.number().int();
      if (definition.kind === 'picklist') return option.nullable().optional();
      const accepted = Object.keys(definition.options ?? {}).map(Number);
      return option
        .refine((value) => accepted.includes(value), { error: `expected one of ${accepted.join(', ')}` })
        .optional();
    }
    case 'datetime':
      return z
        .string()
        .refine((value) => !Number.isNaN(Date.parse(value)), { error: 'expected an ISO 8601 date and time' })
        .optional();
    case 'version':
      return z.number().int().nonnegative().optional();
  }
}

const currencyLink = z.strictObject({
  isocurrencycode: z.string().min(1),
  currencyname: z.string().optional(),
  transactioncurrencyid: guid.optional(),
});

const accountShape = Object.fromEntries(
  (Object.keys(ACCOUNT_COLUMNS) as AccountColumn[]).map((column) => [column, accountColumnSchema(column)]),
) as Record<AccountColumn, z.ZodType>;

// The schema is generated from the column table the row type also comes from. Columns the
// emulator does not model (a real account has hundreds) are dropped, not refused, so rows can
// be pasted from a real Web API response.
const seedAccount = z.preprocess(
  withoutAnnotations,
  z.object({
    ...accountShape,
    // Names the currency by ISO code (as `$expand=transactioncurrencyid` shows it).
    transactioncurrencyid: currencyLink.optional(),
  }),
) as unknown as z.ZodType<SeedAccount>;

const seedCurrency = z.preprocess(
  withoutAnnotations,
  z.strictObject({
    transactioncurrencyid: guid.optional(),
    isocurrencycode: z.string().min(1).max(5),
    currencyname: z.string().max(100).optional(),
    currencysymbol: z.string().max(10).optional(),
  }),
) as unknown as z.ZodType<SeedCurrency>;

function customerFieldSchema(name: (typeof CUSTOMER_FIELD_NAMES)[number]): z.ZodType {
  switch (CUSTOMER_FIELDS[name].kind) {
    case 'string':
      return name === 'CustomerAccount' ? z.string().min(1).max(20) : z.string().optional();
    case 'decimal':
      return z.number().optional();
    case 'integer':
      return z.number().int().optional();
    case 'noyes':
      return z.enum(['Yes', 'No']).optional();
  }
}

// Likewise CustomersV3 fields beyond the modelled ones are dropped.
const seedCustomer = z.preprocess(
  withoutAnnotations,
  z.object(Object.fromEntries(CUSTOMER_FIELD_NAMES.map((name) => [name, customerFieldSchema(name)]))),
) as unknown as z.ZodType<SeedCustomer>;

function scopedList<K extends string>(key: K): z.ZodType<SeedReference<K>[]> {
  return z.array(
    z.union([
      z.string().min(1),
      z.strictObject({ dataAreaId: z.string().min(1).optional(), [key]: z.string().min(1) }),
    ]),
  ) as unknown as z.ZodType<SeedReference<K>[]>;
}

const customerGroup = z.union([
  z.string().min(1),
  z.strictObject({
    dataAreaId: z.string().min(1).optional(),
    CustomerGroupId: z.string().min(1),
    Description: z.string().optional(),
  }),
]) as z.ZodType<string | SeedCustomerGroup>;

/** `rows.<set>`: rows of any table or entity, checked against its definition when the seed is applied. */
const seedRows = z.record(z.string(), z.array(z.record(z.string(), z.unknown()))) as z.ZodType<
  Record<string, SeedSalesRow[]>
>;

const seedShape = z.strictObject({
  sales: z
    .strictObject({
      accounts: z.array(seedAccount).optional(),
      transactioncurrencies: z.array(seedCurrency).optional(),
      ...salesTableSeedShape,
      // Tables of the template author's own, served like the built-in generic tables.
      tables: z.array(tableDeclarationSchema as z.ZodType<SeedTableDeclaration>).optional(),
      rows: seedRows.optional(),
    })
    .optional(),
  finops: z
    .strictObject({
      legalEntities: z.array(z.string().min(1).max(4)).min(1).optional(),
      customerGroups: z.array(customerGroup).optional(),
      customers: z.array(seedCustomer).optional(),
      currencies: z.array(z.string().min(1)).optional(),
      languages: z.array(z.string().min(1)).optional(),
      paymentTerms: scopedList('Name').optional(),
      deliveryTerms: scopedList('TermsCode').optional(),
      deliveryModes: scopedList('ModeCode').optional(),
      sites: scopedList('SiteId').optional(),
      warehouses: scopedList('WarehouseId').optional(),
      /** A contact person's Decision values (`DecisionMakingRoleCode`); absent: any value is accepted. */
      decisionRoles: scopedList('DecisionMakingRoleCode').optional(),
      // `finops.<EntitySet>` rows of the declared data entities (sales documents, products, ...).
      ...ENTITY_SEED_SHAPE,
      // Data entities of the template author's own, served like the built-in declared ones.
      entities: z.array(entityDeclarationSchema as z.ZodType<SeedEntityDeclaration>).optional(),
      rows: seedRows.optional(),
    })
    .optional(),
  auth: z
    .strictObject({
      tenantId: z.string().min(1).optional(),
      clients: z.array(z.strictObject({ clientId: z.string().min(1), clientSecret: z.string().min(1) })).optional(),
    })
    .optional(),
});

type SeedShape = z.output<typeof seedShape>;

/**
 * What already exists when a seed is added to a running emulator rather than replacing its
 * data: its legal entities (the first is the default company) and currency ids.
 */
export interface SeedContext extends DeclaredNames {
  readonly legalEntities: readonly string[];
  readonly currencyIds: readonly string[];
}

/** Checks that span parts of the seed: companies exist, keys are unique, currencies resolve. */
function checkReferences(
  seed: SeedShape,
  context: z.RefinementCtx,
  existing: SeedContext | undefined,
  checkAccountIds: boolean,
): void {
  const finops = seed.finops;
  const legalEntities = [
    ...(existing?.legalEntities ?? []),
    ...(finops?.legalEntities ?? (existing ? [] : ['usmf'])),
  ].map((entity) => entity.toLowerCase());
  const knownCompany = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string' && !legalEntities.includes(value.toLowerCase())) {
      context.addIssue({
        code: 'custom',
        path,
        message: `unknown legal entity '${value}' (legal entities: ${legalEntities.join(', ')})`,
      });
    }
  };
  const customerKeys = new Set<string>();
  finops?.customers?.forEach((row, index) => {
    const record = row as Record<string, unknown>;
    knownCompany(record['dataAreaId'], ['finops', 'customers', index, 'dataAreaId']);
    const key = `${valueText(record['dataAreaId'] ?? legalEntities[0]).toLowerCase()}|${String(record['CustomerAccount']).toLowerCase()}`;
    if (customerKeys.has(key)) {
      context.addIssue({
        code: 'custom',
        path: ['finops', 'customers', index, 'CustomerAccount'],
        message: `duplicate customer '${String(record['CustomerAccount'])}' in legal entity '${key.split('|')[0]}'`,
      });
    }
    customerKeys.add(key);
  });
  const lists = [
    'customerGroups',
    'paymentTerms',
    'deliveryTerms',
    'deliveryModes',
    'sites',
    'warehouses',
    'decisionRoles',
  ] as const;
  for (const list of lists) {
    finops?.[list]?.forEach((item, index) => {
      if (typeof item === 'object') knownCompany(item.dataAreaId, ['finops', list, index, 'dataAreaId']);
    });
  }

  checkDeclarations(seed, context, existing);

  if (checkAccountIds) {
    for (const issue of duplicateAccountIds(seed.sales?.accounts ?? [])) context.addIssue({ code: 'custom', ...issue });
  }
}

/** Accounts that repeat an earlier row's `accountid` (compared without regard to case). */
export function duplicateAccountIds(
  accounts: readonly SeedAccount[],
): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const accountIds = new Set<string>();
  accounts.forEach((row, index) => {
    const id = row.accountid;
    if (typeof id === 'string') {
      if (accountIds.has(id.toLowerCase()))
        issues.push({ path: ['sales', 'accounts', index, 'accountid'], message: `duplicate accountid '${id}'` });
      accountIds.add(id.toLowerCase());
    }
  });
  return issues;
}

/**
 * The seed schema; with a context, cross-references may also point at existing data. Without
 * `checkAccountIds` the caller checks account ids itself (the fast path for large seeds).
 */
export function buildSeedSchema(existing?: SeedContext, checkAccountIds = true) {
  return seedShape.superRefine((seed, context) => checkReferences(seed, context, existing, checkAccountIds));
}

const schema = buildSeedSchema();

/**
 * The emulator's seed: Sales rows as the Web API returns them, F&O rows as CustomersV3 returns
 * them, reference lists, and the accepted tenant and app registrations. Every part is optional.
 */
export type EmulatorSeed = z.output<typeof schema>;

export const emulatorSeedSchema: z.ZodType<EmulatorSeed> = schema;
