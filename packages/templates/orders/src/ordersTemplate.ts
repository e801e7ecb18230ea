import { salesOrderLineSchema, salesOrderSchema } from '@p2c/cds';
import { rowId, valueOr, type EntityTemplate } from '@p2c/core';
import {
  P2C_TASKS,
  alternateKeyBind,
  customerParent,
  documentReferences,
  documentTransforms,
  lineKey,
  lineTransforms,
  productBind,
} from '@p2c/prospect-to-cash';
import { cdsSalesOrderLineToOrderDetail } from './mappings/cdsSalesOrderLineToOrderDetail.js';
import { cdsSalesOrderToSalesOrder } from './mappings/cdsSalesOrderToSalesOrder.js';
import {
  finOpsOrderHeaderFields,
  finOpsOrderHeaderToCdsSalesOrder,
} from './mappings/finOpsOrderHeaderToCdsSalesOrder.js';
import {
  finOpsOrderLineFields,
  finOpsOrderLineToCdsSalesOrderLine,
} from './mappings/finOpsOrderLineToCdsSalesOrderLine.js';

export const ORDERS_TEMPLATE_ID = 'orders';
export const ORDER_HEADER_TASK_ID = 'OrderHeader';
export const ORDER_LINE_TASK_ID = 'OrderLine';

/** Sales Orders (Fin and Ops to Sales): F&O sales orders of customers Sales maintains become Sales orders. */
export const ordersTemplate: EntityTemplate = {
  id: ORDERS_TEMPLATE_ID,
  name: 'Sales Orders (Fin and Ops to Sales)',
  description:
    'Confirmed (or later) sales orders in Finance and Operations, with calculated totals and customers maintained in Sales, become orders in Sales with their lines.',
  // As the document lists them: "Products", "Accounts ... (if used)", "Contacts to Customers ...
  // (if used)"; and customers from at least one of the two.
  preconditions: [
    'products',
    { template: 'accounts', ifUsed: true },
    { template: 'contact-to-customer', ifUsed: true },
    { anyOf: ['accounts', 'contact-to-customer'], provides: 'customers' },
  ],
  tasks: [
    {
      id: ORDER_HEADER_TASK_ID,
      source: {
        connector: 'finops',
        ref: {
          entity: 'CDSSalesOrderHeaders',
          key: ['dataAreaId', 'SalesOrderNumber'],
          fields: finOpsOrderHeaderFields,
        },
      },
      destination: {
        connector: 'dataverse',
        ref: {
          entity: 'salesorders',
          key: ['ordernumber'],
          fields: cdsSalesOrderToSalesOrder.fields.map((f) => f.target),
        },
      },
      canonical: { name: 'CDS SalesOrder', schema: salesOrderSchema },
      sourceToCanonical: finOpsOrderHeaderToCdsSalesOrder,
      canonicalToDestination: cdsSalesOrderToSalesOrder,
      transforms: { ...documentTransforms, NameOrOrderNumber: valueOr('SalesOrderNumber') },
      naturalKey: { sourceField: 'SalesOrderNumber', label: 'sales order number', rejectDuplicates: true },
      filters: {
        confirmedOrLater: {
          description: 'only orders that are Confirmed or later',
          where: { field: 'SalesOrderProcessingStatus', notIn: ['Draft', 'Active'] },
        },
        externallyMaintainedCustomers: {
          description: 'only orders whose ordering and invoice customers are maintained in Sales',
          where: {
            all: [
              { field: 'OrderingCustomerIsExternallyMaintained', eq: 'Yes' },
              { field: 'InvoiceCustomerIsExternallyMaintained', eq: 'Yes' },
            ],
          },
        },
        totalsCalculated: {
          description: 'only orders whose totals have been calculated',
          where: { field: 'AreTotalsCalculated', eq: 'Yes' },
        },
      },
      parents: [customerParent('OrderingCustomerAccountNumber')],
      references: documentReferences,
    },
    {
      id: ORDER_LINE_TASK_ID,
      source: {
        connector: 'finops',
        ref: {
          entity: 'CDSSalesOrderLines',
          key: ['dataAreaId', 'SalesOrderNumber', 'LineNumber'],
          fields: finOpsOrderLineFields,
        },
      },
      destination: {
        connector: 'dataverse',
        ref: {
          entity: 'salesorderdetails',
          key: ['salesorderdetailid'],
          fields: cdsSalesOrderLineToOrderDetail.fields.map((f) => f.target),
          options: { primaryKey: true },
        },
      },
      canonical: { name: 'CDS SalesOrderLine', schema: salesOrderLineSchema },
      sourceToCanonical: finOpsOrderLineToCdsSalesOrderLine,
      canonicalToDestination: cdsSalesOrderLineToOrderDetail,
      transforms: {
        ...lineTransforms,
        SalesOrderDetailId: rowId('salesorderdetail'),
        SalesOrderBind: alternateKeyBind('salesorders', 'ordernumber'),
        ProductBind: productBind,
      },
      naturalKey: {
        sourceField: 'SalesOrderNumber',
        label: 'sales order line',
        rejectDuplicates: false,
        compose: lineKey('SalesOrderNumber'),
      },
      parents: [
        { name: 'order', sourceField: 'SalesOrderNumber', tasks: [P2C_TASKS.orders.header] },
        { name: 'product', sourceField: 'ProductNumber', tasks: [P2C_TASKS.products.products] },
      ],
    },
  ],
};
