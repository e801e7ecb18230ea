import type { Mapping } from '@p2c/core';
import { INVOICED_ORDER } from '@p2c/prospect-to-cash';

const fixed = (target: string, value: number) => ({
  target,
  transforms: [{ transformType: 'Default' as const, value }],
});

/**
 * CDS > Destination: the order a synced invoice came from, marked invoiced in Sales by its
 * processing status (its state stays Active, so F&O's later changes still flow), upserted by
 * `ordernumber`.
 */
export const cdsSalesInvoiceToInvoicedOrder: Mapping = {
  name: 'CDS SalesInvoice > Sales orders (invoiced)',
  fields: [
    { target: 'ordernumber', source: 'SalesOrderNumber' },
    fixed('msdyn_processingstatus', INVOICED_ORDER.msdyn_processingstatus),
  ],
};
