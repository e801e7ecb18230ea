import type { z } from 'zod';
import { customersV3Entity } from './CustomersV3.js';
import { releasedDistinctProductsV2Entity } from './ReleasedDistinctProductsV2.js';
import { contactPersonsV2Entity } from './ContactPersonsV2.js';
import { salesQuotationHeadersV2Entity } from './SalesQuotationHeadersV2.js';
import { salesQuotationLinesEntity } from './SalesQuotationLines.js';
import { cDSSalesOrderHeadersEntity } from './CDSSalesOrderHeaders.js';
import { cDSSalesOrderLinesEntity } from './CDSSalesOrderLines.js';
import { salesInvoiceHeadersV2Entity } from './SalesInvoiceHeadersV2.js';
import { salesInvoiceLinesV2Entity } from './SalesInvoiceLinesV2.js';

/** The fields of the F&O data entities the first-party templates read and write, by entity set. */
export const finopsEntities: Readonly<Record<string, z.ZodObject>> = {
  CustomersV3: customersV3Entity,
  ReleasedDistinctProductsV2: releasedDistinctProductsV2Entity,
  ContactPersonsV2: contactPersonsV2Entity,
  SalesQuotationHeadersV2: salesQuotationHeadersV2Entity,
  SalesQuotationLines: salesQuotationLinesEntity,
  CDSSalesOrderHeaders: cDSSalesOrderHeadersEntity,
  CDSSalesOrderLines: cDSSalesOrderLinesEntity,
  SalesInvoiceHeadersV2: salesInvoiceHeadersV2Entity,
  SalesInvoiceLinesV2: salesInvoiceLinesV2Entity,
};
