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
    { target: 'SalesPrice', source: 'PricePerUnit' },
    {
      target: 'SalesUnitSymbol',
      source: 'UnitName',
      transforms: [{ transformType: 'ValueMap', valueMap: { ...defaultUnitMap } }],
    },
  ],
};

/** Numeric `SalesQuotationLines` fields (a cleared number is not sent as ''). */
export const quotationLineNumberFields = ['LineNumber', 'RequestedSalesQuantity', 'SalesPrice'];
