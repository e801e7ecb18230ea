/**
 * F&O unit symbols to Sales unit names: the default of the unit value maps of products, order
 * lines and invoice lines. Configure your own (`valueMaps: { Unit: { ... } }`); a symbol it does
 * not hold fails the record. The entries are examples, compared exactly as F&O sends the symbol.
 */
export const DEFAULT_UNIT_MAP: Readonly<Record<string, string>> = { ea: 'Each', pcs: 'Piece', hr: 'Hour' };
