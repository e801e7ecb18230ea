import type { NamedTransform } from '@p2c/core';
import { currencyBind } from './currencyBind.js';
import { customerAccountBind, customerContactBind } from './customerBind.js';
import { dateOnly } from './dateOnly.js';
import { priceListBind } from './priceListBind.js';
import { unitBind } from './unitBind.js';

/** The transforms the order and invoice headers' mappings name. */
export const documentTransforms: Readonly<Record<string, NamedTransform>> = {
  CustomerAccountBind: customerAccountBind,
  CustomerContactBind: customerContactBind,
  CurrencyBind: currencyBind,
  PriceListBind: priceListBind,
  DateOnly: dateOnly,
};

/** The transforms the order and invoice lines' mappings name (besides their row id). */
export const lineTransforms: Readonly<Record<string, NamedTransform>> = {
  UnitBind: unitBind,
};
