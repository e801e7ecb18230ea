import type { BenchAccount } from './BenchAccount.js';
import { COMPANY_FIRST_WORDS, COMPANY_SECOND_WORDS, COMPANY_SUFFIXES, SeededRandom, STREET_NAMES } from '@p2c/cli';

export const BENCH_SEED = 20_250_601;

/** Every account was last changed in the year before this instant, long before any bench run. */
const DATA_AS_OF = Date.parse('2025-01-01T00:00:00Z');
const YEAR_MS = 365 * 24 * 3600 * 1000;

interface Country {
  /** ISO 3166 alpha-3, as F&O wants it. */
  iso: string;
  currency: string;
  /** How people type it into Sales, with weights. */
  spellings: readonly (readonly [string, number])[];
  cities: readonly (readonly [city: string, state: string | null, postal: string])[];
  phone: string;
}

const COUNTRIES: readonly (readonly [Country, number])[] = [
  [
    {
      iso: 'USA',
      currency: 'USD',
      spellings: [
        ['United States', 6],
        ['USA', 2],
        ['US', 1],
        ['United States of America', 1],
      ],
      cities: [
        ['Seattle', 'WA', '98101'],
        ['Chicago', 'IL', '60601'],
        ['Austin', 'TX', '73301'],
        ['Boston', 'MA', '02108'],
        ['Denver', 'CO', '80202'],
      ],
      phone: '+1',
    },
    45,
  ],
  [
    {
      iso: 'DEU',
      currency: 'EUR',
      spellings: [
        ['Germany', 3],
        ['germany', 2],
        ['DE', 2],
        ['DEU', 1],
        ['Deutschland', 2],
      ],
      cities: [
        ['Berlin', null, '10115'],
        ['Hamburg', null, '20095'],
        ['München', 'BY', '80331'],
        ['Köln', null, '50667'],
      ],
      phone: '+49',
    },
    20,
  ],
  [
    {
      iso: 'DNK',
      currency: 'DKK',
      spellings: [
        ['Denmark', 3],
        ['DK', 1],
        ['Danmark', 1],
      ],
      cities: [
        ['København', null, '1050'],
        ['Aarhus', null, '8000'],
      ],
      phone: '+45',
    },
    8,
  ],
  [
    {
      iso: 'FRA',
      currency: 'EUR',
      spellings: [
        ['France', 4],
        ['FR', 1],
      ],
      cities: [
        ['Paris', null, '75001'],
        ['Lyon', null, '69001'],
      ],
      phone: '+33',
    },
    9,
  ],
  [
    {
      iso: 'GBR',
      currency: 'GBP',
      spellings: [
        ['United Kingdom', 4],
        ['GB', 1],
      ],
      cities: [
        ['London', null, 'EC1A 1BB'],
        ['Leeds', null, 'LS1 1UR'],
      ],
      phone: '+44',
    },
    10,
  ],
  [
    {
      iso: 'CAN',
      currency: 'CAD',
      spellings: [
        ['Canada', 4],
        ['CA', 1],
      ],
      cities: [
        ['Toronto', 'ON', 'M5H 2N2'],
        ['Vancouver', 'BC', 'V5K 0A1'],
      ],
      phone: '+1',
    },
    8,
  ],
];

/** Free-text country (as generated here) -> ISO 3166 alpha-3: what the sync's transform resolves it to. */
export const BENCH_COUNTRY_CODES: Readonly<Record<string, string>> = Object.fromEntries(
  COUNTRIES.flatMap(([country]) => country.spellings.map(([spelling]) => [spelling, country.iso])),
);

export interface BenchAccountOptions {
  count: number;
  seed?: number;
}

/**
 * Deterministic Sales accounts for the bench, one at a time (1M rows never sit in memory
 * together): the same `seed` and `count` give the same rows on every machine. Clean data (the
 * bench measures throughput, not error handling): every country resolves, every account number
 * is unique (`ACC-<10000 + position>-<six letters>`), about 5% have none.
 */
export function* generateBenchAccounts(options: BenchAccountOptions): Generator<BenchAccount> {
  const random = new SeededRandom(options.seed ?? BENCH_SEED);
  for (let i = 0; i < options.count; i++) {
    const country = random.weighted(COUNTRIES);
    const [city, state, postal] = random.pick(country.cities);
    const company = `${random.pick(COMPANY_FIRST_WORDS)} ${random.pick(COMPANY_SECOND_WORDS)}`;
    const slug = company.toLowerCase().replace(/[^a-z0-9]+/g, '');
    const modifiedon = new Date(DATA_AS_OF - Math.floor(random.next() * YEAR_MS))
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    yield {
      accountid: random.guid(),
      name: `${company} ${random.pick(COMPANY_SUFFIXES)} #${i + 1}`,
      accountnumber: random.chance(0.05) ? null : `ACC-${String(10_000 + i).padStart(5, '0')}-${random.letters(6)}`,
      address1_line1: `${random.int(1, 999)} ${random.pick(STREET_NAMES)}`,
      address1_city: city,
      address1_stateorprovince: state,
      address1_postalcode: postal,
      address1_country: random.weighted(country.spellings),
      telephone1: random.chance(0.9) ? `${country.phone} 555 ${String(random.int(0, 9999)).padStart(4, '0')}` : null,
      emailaddress1: random.chance(0.85) ? `orders${i + 1}@${slug}.example` : null,
      websiteurl: random.chance(0.7) ? `https://www.${slug}.example` : null,
      numberofemployees: random.chance(0.85) ? random.int(1, 5000) : null,
      creditlimit: random.chance(0.7) ? random.int(1, 500) * 1000 : null,
      paymenttermscode: random.weighted([
        [1, 60],
        [3, 20],
        [4, 20],
      ] as const),
      transactioncurrencyid: { isocurrencycode: country.currency },
      statecode: 0,
      customertypecode: 3,
      createdon: modifiedon,
      modifiedon,
    };
  }
}
