import type { EmulatorSeed } from '@p2c/emulator';

/**
 * F&O as the accounts template needs it: the legal entity `usmf` (the bench config's
 * organization map), customer group 10 (the template default) and the reference lists every
 * customer's fields are checked against, so no record is refused for its data.
 */
export const BENCH_REFERENCE_SEED = {
  finops: {
    legalEntities: ['usmf'],
    customerGroups: [{ dataAreaId: 'usmf', CustomerGroupId: '10', Description: 'Wholesale customers' }],
    currencies: ['USD', 'EUR', 'GBP', 'CAD', 'DKK'],
    languages: ['en-us'],
    sites: ['1'],
    warehouses: ['13'],
  },
} as const satisfies EmulatorSeed;
