import { CONTACT_PERSONS } from './contactPersons.js';
import type { EntityDefinition } from './EntityDefinition.js';
import { RELEASED_DISTINCT_PRODUCTS } from './releasedProducts.js';
import { SALES_INVOICE_HEADERS, SALES_INVOICE_LINES } from './salesInvoices.js';
import { CDS_SALES_ORDER_HEADERS, CDS_SALES_ORDER_LINES } from './salesOrders.js';
import { SALES_QUOTATION_HEADERS, SALES_QUOTATION_LINES } from './salesQuotations.js';

/** Every declared entity, headers before their lines (the order seeds apply in). */
export const FINOPS_ENTITIES = [
  RELEASED_DISTINCT_PRODUCTS,
  CONTACT_PERSONS,
  SALES_QUOTATION_HEADERS,
  SALES_QUOTATION_LINES,
  CDS_SALES_ORDER_HEADERS,
  CDS_SALES_ORDER_LINES,
  SALES_INVOICE_HEADERS,
  SALES_INVOICE_LINES,
] as const satisfies readonly EntityDefinition[];

export const FINOPS_ENTITY_SETS = [
  'ReleasedDistinctProductsV2',
  'ContactPersonsV2',
  'SalesQuotationHeadersV2',
  'SalesQuotationLines',
  'CDSSalesOrderHeaders',
  'CDSSalesOrderLines',
  'SalesInvoiceHeadersV2',
  'SalesInvoiceLinesV2',
] as const;

/** The name of a declared F&O data entity set (case-sensitive). */
export type FinOpsEntitySetName = (typeof FINOPS_ENTITY_SETS)[number];

export function entityDefinition(entitySet: string): EntityDefinition | undefined {
  return FINOPS_ENTITIES.find((definition) => definition.entitySet === entitySet);
}
