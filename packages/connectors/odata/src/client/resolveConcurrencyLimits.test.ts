import { ConfigError } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { resolveConcurrencyLimits } from './resolveConcurrencyLimits.js';

describe('resolveConcurrencyLimits', () => {
  it('defaults to 4 to start, between 1 and 16', () => {
    expect(resolveConcurrencyLimits(undefined)).toEqual({ initial: 4, min: 1, max: 16 });
    expect(resolveConcurrencyLimits({})).toEqual({ initial: 4, min: 1, max: 16 });
  });

  it('fits an unset initial into the bounds the caller set', () => {
    expect(resolveConcurrencyLimits({ max: 2 })).toEqual({ initial: 2, min: 1, max: 2 });
    expect(resolveConcurrencyLimits({ min: 8 })).toEqual({ initial: 8, min: 8, max: 16 });
    expect(resolveConcurrencyLimits({ initial: 1, min: 1, max: 1 })).toEqual({ initial: 1, min: 1, max: 1 });
  });

  it.each([
    [{ initial: 0 }, 'concurrency.initial must be a whole number of at least 1, got 0'],
    [{ min: 1.5 }, 'concurrency.min must be a whole number of at least 1, got 1.5'],
    [{ max: Number.NaN }, 'concurrency.max must be a whole number of at least 1, got NaN'],
    [{ min: 5, max: 3 }, 'concurrency.min (5) must not exceed concurrency.max (3)'],
    [{ min: 20 }, 'concurrency.min (20) must not exceed concurrency.max (16)'],
    [{ initial: 20 }, 'concurrency.initial (20) must lie between concurrency.min (1) and concurrency.max (16)'],
    [
      { initial: 2, min: 3, max: 8 },
      'concurrency.initial (2) must lie between concurrency.min (3) and concurrency.max (8)',
    ],
  ])('refuses %j, naming the field', (given, message) => {
    let error: unknown;
    try {
      resolveConcurrencyLimits(given);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ message, code: 'ODATA_INVALID_CONCURRENCY' });
  });
});
