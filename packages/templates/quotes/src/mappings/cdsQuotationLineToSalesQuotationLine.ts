import type { Mapping } from '@p2c/core';

/**
 * The template's unit value map: Sales unit names to F&O unit symbols. A unit with no entry
 * fails its line, naming the unit; the configuration replaces the map (`valueMaps.SalesUnitSymbol`).
 */
export const defaultUnitMap: Readonly<Record<string, string>> = { Each: 'ea', Piece: 'pcs', Hour: 'hr' };

/** CDS > Destination: the CDS Quotation Line to an F&O `SalesQuotationLines` row. */
export const cdsQuotationLineToSalesQuotationLine: Mapping = {
  name: 'CDS Quotation Line > Fin and Ops Sales quotation lines',
  fields: [
    {
      target: 'dataAreaId',
      source: 'Organization_OrganizationId',
      transforms: [{ transformType: 'Function', name: 'LegalEntity' }],
    },
    { target: 'SalesQuotationNumber', source: 'QuoteNumber' },
    { target: 'LineNumber', source: 'LineNumber' },
    { target: 'ProductNumber', source: 'ProductNumber' },
    { target: 'RequestedSalesQuantity', source: 'Quantity' },
    // No SalesPrice: "the Price … fields are mastered and handled by Finance and Operations";
    // F&O finds a new line's price itself and keeps a price changed there.
    // Sales' manual discount, which F&O reads as a per-unit discount; none leaves F&O's as it is.
    { target: 'LineDiscountAmount', source: 'ManualDiscountAmount' },
    {
      target: 'SalesUnitSymbol',
      source: 'UnitName',
      transforms: [{ transformType: 'ValueMap', valueMap: { ...defaultUnitMap } }],
    },
    {
      target: 'RequestedReceiptDate',
      source: 'RequestedDeliveryDate',
      transforms: [{ transformType: 'Function', name: 'FinOpsDateTime' }],
    },
  ],
};

/** Numeric `SalesQuotationLines` fields (a cleared number is not sent as ''). */
export const quotationLineNumberFields = ['LineNumber', 'RequestedSalesQuantity', 'LineDiscountAmount'];
