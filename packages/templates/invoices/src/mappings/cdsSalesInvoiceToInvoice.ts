import type { Mapping } from '@p2c/core';
import { documentHeaderFields } from '@p2c/prospect-to-cash';

/** CDS > Destination: the CDS SalesInvoice to a Sales `invoices` row (upserted by `invoicenumber`). */
export const cdsSalesInvoiceToInvoice: Mapping = {
  name: 'CDS SalesInvoice > Sales invoices',
  fields: [
    { target: 'invoicenumber', source: 'InvoiceNumber' },
    { target: 'name', source: 'Name', transforms: [{ transformType: 'Function', name: 'NameOrInvoiceNumber' }] },
    ...documentHeaderFields,
    {
      target: 'salesorderid@odata.bind',
      source: 'SalesOrderNumber',
      transforms: [{ transformType: 'Function', name: 'SalesOrderBind' }],
    },
    // "The owner of the sales order from which the invoice was created is assigned as the owner of the invoice."
    {
      target: 'ownerid@odata.bind',
      source: 'SalesOrderNumber',
      transforms: [{ transformType: 'Function', name: 'OrderOwnerBind' }],
    },
    { target: 'totalamount', source: 'TotalAmount' },
    { target: 'duedate', source: 'InvoiceDate' },
    { target: 'billto_country', source: 'BillingAddressCountry' },
  ],
};
