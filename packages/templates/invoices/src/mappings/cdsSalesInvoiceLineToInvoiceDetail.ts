import type { Mapping } from '@p2c/core';

/**
 * CDS > Destination: the CDS SalesInvoiceLine to a Sales `invoicedetails` row, written by a
 * primary key derived from the line's key (Sales keeps no alternate key on invoice lines).
 */
export const cdsSalesInvoiceLineToInvoiceDetail: Mapping = {
  name: 'CDS SalesInvoiceLine > Sales invoice products',
  fields: [
    { target: 'invoicedetailid', transforms: [{ transformType: 'Function', name: 'InvoiceDetailId' }] },
    {
      target: 'invoiceid@odata.bind',
      source: 'InvoiceNumber',
      transforms: [{ transformType: 'Function', name: 'InvoiceBind' }],
    },
    {
      target: 'productid@odata.bind',
      source: 'ProductNumber',
      transforms: [{ transformType: 'Function', name: 'ProductBind' }],
    },
    { target: 'uomid@odata.bind', source: 'Unit', transforms: [{ transformType: 'Function', name: 'UnitBind' }] },
    { target: 'lineitemnumber', source: 'LineNumber' },
    { target: 'quantity', source: 'Quantity' },
    { target: 'priceperunit', source: 'UnitPrice' },
    { target: 'tax', source: 'Tax' },
  ],
};
