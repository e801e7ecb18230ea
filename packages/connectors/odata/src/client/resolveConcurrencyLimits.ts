import { ConfigError } from '@p2c/core';
import { DEFAULT_CONCURRENCY, type ConcurrencyLimits } from './ODataClientOptions.js';

/**
 * Fills in and checks `ODataClientOptions.concurrency`: whole numbers of at least 1 with
 * min <= initial <= max. An unset `initial` is the default clamped into [min, max], so `{ max: 2 }`
 * alone is valid; values the caller did set are never adjusted, only refused.
 */
export function resolveConcurrencyLimits(given: Partial<ConcurrencyLimits> | undefined): ConcurrencyLimits {
  const min = given?.min ?? DEFAULT_CONCURRENCY.min;
  const max = given?.max ?? DEFAULT_CONCURRENCY.max;
  wholeNumber('min', min);
  wholeNumber('max', max);
  if (min > max) invalid(`concurrency.min (${min}) must not exceed concurrency.max (${max})`);
  const initial = given?.initial ?? Math.min(max, Math.max(min, DEFAULT_CONCURRENCY.initial));
  wholeNumber('initial', initial);
  if (initial < min || initial > max) {
    invalid(`concurrency.initial (${initial}) must lie between concurrency.min (${min}) and concurrency.max (${max})`);
  }
  return { initial, min, max };
}

function wholeNumber(field: keyof ConcurrencyLimits, value: number): void {
  if (!Number.isInteger(value) || value < 1)
    invalid(`concurrency.${field} must be a whole number of at least 1, got ${value}`);
}

function invalid(message: string): never {
  throw new ConfigError(message, { code: 'ODATA_INVALID_CONCURRENCY' });
}
