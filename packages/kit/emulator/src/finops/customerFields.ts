import type { EntityModel } from '../odata/EntityModel.js';
import type { CustomerField, FinOpsCustomer } from './FinOpsCustomer.js';

type FieldKind = 'string' | 'decimal' | 'integer' | 'noyes';

export interface FieldDefinition {
  readonly kind: FieldKind;
  /** The label F&O's Infolog uses for the field. */
  readonly label: string;
}

const text = (label: string): FieldDefinition => ({ kind: 'string', label });

function addressFields(prefix: 'Address' | 'DeliveryAddress' | 'InvoiceAddress'): Record<string, FieldDefinition> {
  const kind = prefix === 'Address' ? '' : prefix === 'DeliveryAddress' ? 'Delivery address ' : 'Invoice address ';
  return {
    [`${prefix}Street`]: text(`${kind}Street`),
    [`${prefix}City`]: text(`${kind}City`),
    [`${prefix}State`]: text(`${kind}State`),
    [`${prefix}County`]: text(`${kind}County`),
    [`${prefix}ZipCode`]: text(`${kind}ZIP/postal code`),
    [`${prefix}CountryRegionISOCode`]: text(`${kind}Country/region ISO code`),
    [`${prefix}CountryRegionId`]: text(`${kind}Country/region`),
  };
}

/** The CustomersV3 fields the emulator keeps, in the order rows list them. */
export const CUSTOMER_FIELDS = {
  CustomerAccount: text('Customer account'),
  dataAreaId: text('Company'),
  OrganizationName: text('Name'),
  PersonFirstName: text('First name'),
  PersonLastName: text('Last name'),
  PartyType: text('Party type'),
  PartyNumber: text('Party'),
  CustomerGroupId: text('Customer group'),
  SalesCurrencyCode: text('Currency'),
  LanguageId: text('Language'),
  SiteId: text('Site'),
  WarehouseId: text('Warehouse'),
  PaymentTerms: text('Terms of payment'),
  PaymentMethod: text('Method of payment'),
  DeliveryMode: text('Mode of delivery'),
  DeliveryTerms: text('Delivery terms'),
  CreditLimit: { kind: 'decimal', label: 'Credit limit' },
  InvoiceAccount: text('Invoice account'),
  IsExternallyMaintained: { kind: 'noyes', label: 'Is externally maintained' },
  SalesTaxGroup: text('Sales tax group'),
  SalesMemo: text('Sales memo'),
  OrganizationNumberOfEmployees: { kind: 'integer', label: 'Number of employees' },
  ...addressFields('Address'),
  ...addressFields('DeliveryAddress'),
  ...addressFields('InvoiceAddress'),
  PrimaryContactEmail: text('Email'),
  PrimaryContactPhone: text('Telephone'),
  PrimaryContactFax: text('Fax'),
  PrimaryContactURL: text('Internet address'),
} as Readonly<Record<CustomerField, FieldDefinition>>;

export const CUSTOMER_FIELD_NAMES = Object.keys(CUSTOMER_FIELDS) as CustomerField[];

export const CUSTOMER_GROUP_MODEL: EntityModel = {
  typeName: 'Microsoft.Dynamics.DataEntities.CustomerGroup',
  properties: {
    dataAreaId: { type: 'Edm.String' },
    CustomerGroupId: { type: 'Edm.String' },
    Description: { type: 'Edm.String' },
  },
};

/** A row with every field at its F&O default: empty strings, zero, No. */
export function emptyCustomer(): FinOpsCustomer {
  const row: Record<string, unknown> = {};
  for (const name of CUSTOMER_FIELD_NAMES) {
    const { kind } = CUSTOMER_FIELDS[name];
    row[name] = kind === 'string' ? '' : kind === 'noyes' ? 'No' : 0;
  }
  return row as unknown as FinOpsCustomer;
}

/** Fields checked against reference lists, with the table name the Infolog gives. */
export const REFERENCE_FIELDS = {
  CustomerGroupId: { list: 'customerGroups', table: 'Customer groups' },
  SalesCurrencyCode: { list: 'currencies', table: 'Currencies' },
  PaymentTerms: { list: 'paymentTerms', table: 'Terms of payment' },
  DeliveryTerms: { list: 'deliveryTerms', table: 'Terms of delivery' },
  DeliveryMode: { list: 'deliveryModes', table: 'Modes of delivery' },
  SiteId: { list: 'sites', table: 'Sites' },
  WarehouseId: { list: 'warehouses', table: 'Warehouses' },
  LanguageId: { list: 'languages', table: 'Languages' },
} as const satisfies Partial<Record<CustomerField, { list: string; table: string }>>;

/** The seed's reference lists: the customer fields' and the contact persons' decision roles. */
export type ReferenceList = (typeof REFERENCE_FIELDS)[keyof typeof REFERENCE_FIELDS]['list'] | 'decisionRoles';

export const COUNTRY_ISO_FIELDS = [
  'AddressCountryRegionISOCode',
  'DeliveryAddressCountryRegionISOCode',
  'InvoiceAddressCountryRegionISOCode',
] as const satisfies readonly CustomerField[];
