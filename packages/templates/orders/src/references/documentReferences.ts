import type { ReferenceTable } from '@p2c/core';
import { CURRENCIES, PRICE_LISTS, currenciesReference, priceListsReference } from '@p2c/sales';

/** The reference tables an order or invoice header reads once per run. */
export const documentReferences: Readonly<Record<string, ReferenceTable>> = {
  [CURRENCIES]: currenciesReference,
  [PRICE_LISTS]: priceListsReference,
};
