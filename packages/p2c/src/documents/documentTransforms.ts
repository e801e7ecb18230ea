import type { NamedTransform } from '@p2c/core';
import { currencyBind } from '../binds/currencyBind.js';
import { customerAccountBind, customerContactBind } from '../binds/customerBind.js';
import { dateOnly } from '../transforms/dateOnly.js';
import { priceListNameBind } from '../binds/priceListNameBind.js';
import { unitBind } from '../binds/unitBind.js';

/** The transforms the order and invoice headers' mappings name. */
export const documentTransforms: Readonly<Record<string, NamedTransform>> = {
  CustomerAccountBind: customerAccountBind,
  CustomerContactBind: customerContactBind,
  CurrencyBind: currencyBind,
  PriceListNameBind: priceListNameBind,
  DateOnly: dateOnly,
};

/** The transforms the order and invoice lines' mappings name (besides their row id). */
export const lineTransforms: Readonly<Record<string, NamedTransform>> = {
  UnitBind: unitBind,
};
