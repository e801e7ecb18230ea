import { rowId, valueOr, type EntityTemplate, type RecordCondition, type TaskFilter } from '@p2c/core';
import { salesInvoiceLineSchema, salesInvoiceSchema } from '@p2c/cds';
import {
  P2C_TASKS,
  alternateKeyBind,
  customerParent,
  documentReferences,
  documentTransforms,
  lineKey,
  lineTransforms,
  ORDER_OWNERS,
  orderOwnerBind,
  orderOwnersReference,
  productBind,
  SYSTEM_USERS,
  systemUsersReference,
} from '@p2c/prospect-to-cash';
import { cdsSalesInvoiceLineToInvoiceDetail } from './mappings/cdsSalesInvoiceLineToInvoiceDetail.js';
import { cdsSalesInvoiceToInvoice } from './mappings/cdsSalesInvoiceToInvoice.js';
import { cdsSalesInvoiceToInvoicedOrder } from './mappings/cdsSalesInvoiceToInvoicedOrder.js';
import {
  finOpsInvoiceHeaderFields,
  finOpsInvoiceHeaderToCdsSalesInvoice,
} from './mappings/finOpsInvoiceHeaderToCdsSalesInvoice.js';
import {
  finOpsInvoiceLineFields,
  finOpsInvoiceLineToCdsSalesInvoiceLine,
} from './mappings/finOpsInvoiceLineToCdsSalesInvoiceLine.js';

export const INVOICES_TEMPLATE_ID = 'invoices';
export const INVOICE_HEADER_TASK_ID = 'SalesInvoiceHeader';
export const INVOICE_LINE_TASK_ID = 'SalesInvoiceLine';
export const INVOICE_ORDER_STATUS_TASK_ID = 'SalesInvoiceOrderStatus';

const externallyMaintainedCustomer: TaskFilter = {
  description: 'only invoices whose invoice customer is maintained in Sales',
  where: { field: 'InvoiceCustomerIsExternallyMaintained', eq: 'Yes' },
};
const hasOrder: RecordCondition = { field: 'SalesOrderNumber', blank: false };

const invoiceHeaderSource = {
  connector: 'finops',
  ref: { entity: 'SalesInvoiceHeadersV2', key: ['dataAreaId', 'InvoiceNumber'], fields: finOpsInvoiceHeaderFields },
};
const headerTransforms = {
  ...documentTransforms,
  NameOrInvoiceNumber: valueOr('InvoiceNumber'),
  SalesOrderBind: alternateKeyBind('salesorders', 'ordernumber'),
  OrderOwnerBind: orderOwnerBind,
};
/** The invoice header's reference tables: the documents' ones, and the orders' owners it takes. */
const headerReferences = {
  ...documentReferences,
  [ORDER_OWNERS]: orderOwnersReference,
  [SYSTEM_USERS]: systemUsersReference,
};

/** Sales Invoices (Fin and Ops to Sales): F&O invoices of customers Sales maintains become Sales invoices. */
export const invoicesTemplate: EntityTemplate = {
  id: INVOICES_TEMPLATE_ID,
  name: 'Sales Invoices (Fin and Ops to Sales)',
  description:
    'Sales invoices in Finance and Operations of customers maintained in Sales become invoices in Sales with their lines; the order each came from then shows Invoiced.',
  // As the document lists them: "Products", "Accounts ... (if used)", "Contacts ... (if used)" (the customer
  // source, Contacts to Customer), "Sales order header and lines"; and customers from at least one of the two.
  preconditions: [
    'products',
    { template: 'accounts', ifUsed: true },
    { template: 'contact-to-customer', ifUsed: true },
    'orders',
    { anyOf: ['accounts', 'contact-to-customer'], provides: 'customers' },
  ],
  tasks: [
    {
      id: INVOICE_HEADER_TASK_ID,
      source: invoiceHeaderSource,
      destination: {
        connector: 'dataverse',
        ref: {
          entity: 'invoices',
          key: ['invoicenumber'],
          fields: cdsSalesInvoiceToInvoice.fields.map((f) => f.target),
        },
      },
      canonical: { name: 'CDS SalesInvoice', schema: salesInvoiceSchema },
      sourceToCanonical: finOpsInvoiceHeaderToCdsSalesInvoice,
      canonicalToDestination: cdsSalesInvoiceToInvoice,
      transforms: headerTransforms,
      naturalKey: { sourceField: 'InvoiceNumber', label: 'invoice number', rejectDuplicates: true },
      filters: { externallyMaintainedCustomer },
      parents: [
        customerParent('InvoiceCustomerAccountNumber'),
        { name: 'order', sourceField: 'SalesOrderNumber', tasks: [P2C_TASKS.orders.header], optional: true },
      ],
      references: headerReferences,
    },
    {
      id: INVOICE_LINE_TASK_ID,
      source: {
        connector: 'finops',
        ref: {
          entity: 'SalesInvoiceLinesV2',
          key: ['dataAreaId', 'InvoiceNumber', 'LineNumber'],
          fields: finOpsInvoiceLineFields,
        },
      },
      destination: {
        connector: 'dataverse',
        ref: {
          entity: 'invoicedetails',
          key: ['invoicedetailid'],
          fields: cdsSalesInvoiceLineToInvoiceDetail.fields.map((f) => f.target),
          options: { primaryKey: true },
        },
      },
      canonical: { name: 'CDS SalesInvoiceLine', schema: salesInvoiceLineSchema },
      sourceToCanonical: finOpsInvoiceLineToCdsSalesInvoiceLine,
      canonicalToDestination: cdsSalesInvoiceLineToInvoiceDetail,
      transforms: {
        ...lineTransforms,
        InvoiceDetailId: rowId('invoicedetail'),
        InvoiceBind: alternateKeyBind('invoices', 'invoicenumber'),
        ProductBind: productBind,
      },
      naturalKey: {
        sourceField: 'InvoiceNumber',
        label: 'invoice line',
        rejectDuplicates: false,
        compose: lineKey('InvoiceNumber'),
      },
      parents: [
        { name: 'invoice', sourceField: 'InvoiceNumber', tasks: [P2C_TASKS.invoices.header] },
        { name: 'product', sourceField: 'ProductNumber', tasks: [P2C_TASKS.products.products] },
      ],
    },
    {
      // How "once an invoice is synced its order shows Invoiced in Sales" is done: after the
      // invoice has synced, its order is written again with the invoiced status.
      id: INVOICE_ORDER_STATUS_TASK_ID,
      source: invoiceHeaderSource,
      destination: {
        connector: 'dataverse',
        ref: {
          entity: 'salesorders',
          key: ['ordernumber'],
          fields: cdsSalesInvoiceToInvoicedOrder.fields.map((f) => f.target),
        },
      },
      canonical: { name: 'CDS SalesInvoice', schema: salesInvoiceSchema },
      sourceToCanonical: finOpsInvoiceHeaderToCdsSalesInvoice,
      canonicalToDestination: cdsSalesInvoiceToInvoicedOrder,
      transforms: headerTransforms,
      naturalKey: { sourceField: 'InvoiceNumber', label: 'invoice number', rejectDuplicates: false },
      filters: {
        externallyMaintainedCustomer,
        hasOrder: { description: 'only invoices of an order', where: hasOrder },
      },
      parents: [
        { name: 'invoice', sourceField: 'InvoiceNumber', tasks: [P2C_TASKS.invoices.header] },
        { name: 'order', sourceField: 'SalesOrderNumber', tasks: [P2C_TASKS.orders.header] },
      ],
    },
  ],
};
