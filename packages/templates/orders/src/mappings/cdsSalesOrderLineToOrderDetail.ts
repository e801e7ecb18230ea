import type { Mapping } from '@p2c/core';

/**
 * CDS > Destination: the CDS SalesOrderLine to a Sales `salesorderdetails` row, written by a
 * primary key derived from the line's key (Sales keeps no alternate key on order lines).
 */
export const cdsSalesOrderLineToOrderDetail: Mapping = {
  name: 'CDS SalesOrderLine > Sales order products',
  fields: [
    { target: 'salesorderdetailid', transforms: [{ transformType: 'Function', name: 'SalesOrderDetailId' }] },
    {
      target: 'salesorderid@odata.bind',
      source: 'SalesOrderNumber',
      transforms: [{ transformType: 'Function', name: 'SalesOrderBind' }],
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
    { target: 'shipto_country', source: 'DeliveryAddressCountry' },
  ],
};
