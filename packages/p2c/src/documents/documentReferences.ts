import type { ReferenceTable } from '@p2c/core';
import { CURRENCIES, currenciesReference } from '../references/currenciesReference.js';
import { PRICE_LISTS, priceListsReference } from '../references/priceListsReference.js';

/** The reference tables an order or invoice header reads once per run. */
export const documentReferences: Readonly<Record<string, ReferenceTable>> = {
  [CURRENCIES]: currenciesReference,
  [PRICE_LISTS]: priceListsReference,
};
