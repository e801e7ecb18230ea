/**
 * Currency code -> the Sales price list an order or invoice in it gets, as Microsoft's templates
 * ship it ("usd: CRM Service USA (sample)"); a configuration's `pricelevelid@odata.bind` value
 * map replaces it with the lists of its own Sales.
 */
export const DEFAULT_PRICE_LIST_MAP: Readonly<Record<string, string>> = { USD: 'CRM Service USA (sample)' };
