import type { Mapping } from '@p2c/core';
import { PROCESSING_STATUS_OPTIONS } from '../transforms/processingStatusOptions.js';
import { documentHeaderFields } from '@p2c/prospect-to-cash';

/** CDS > Destination: the CDS SalesOrder to a Sales `salesorders` row (upserted by `ordernumber`). */
export const cdsSalesOrderToSalesOrder: Mapping = {
  name: 'CDS SalesOrder > Sales orders',
  fields: [
    { target: 'ordernumber', source: 'SalesOrderNumber' },
    { target: 'name', source: 'Name', transforms: [{ transformType: 'Function', name: 'NameOrOrderNumber' }] },
    ...documentHeaderFields,
    { target: 'totalamount', source: 'TotalAmount' },
    { target: 'requestdeliveryby', source: 'RequestedDeliveryDate' },
    { target: 'billto_country', source: 'BillingAddressCountry' },
    { target: 'shipto_country', source: 'DeliveryAddressCountry' },
    {
      target: 'msdyn_processingstatus',
      source: 'ProcessingStatus',
      transforms: [{ transformType: 'ValueMap', valueMap: { ...PROCESSING_STATUS_OPTIONS } }],
    },
    // "Is Maintained Externally - Set to Yes when the order is coming from Finance and Operations."
    { target: 'msdyn_isexternallymaintained', transforms: [{ transformType: 'Default', value: true }] },
  ],
};
