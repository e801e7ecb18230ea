import { COMPANY_FIRST_WORDS, COMPANY_SECOND_WORDS, COMPANY_SUFFIXES, STREET_NAMES } from './sampleCompanyNames.js';
import { SeededRandom } from './SeededRandom.js';

/** A Sales account as the demo seeds it: the Dataverse columns the accounts template reads. */
export interface DemoAccount {
  accountid: string;
  name: string;
  accountnumber: string | null;
  address1_line1: string | null;
  address1_city: string | null;
  address1_stateorprovince: string | null;
  address1_postalcode: string | null;
  address1_country: string | null;
  telephone1: string | null;
  emailaddress1: string | null;
  websiteurl: string | null;
  numberofemployees: number | null;
  creditlimit: number | null;
  paymenttermscode: number | null;
  address1_shippingmethodcode: number | null;
  /** ISO currency code of the account's currency (the seed resolves it to the lookup). */
  currency: string | null;
  /** Last changed some time before the demo, so a later incremental read skips it. */
  modifiedon: string;
}

export interface DemoAccountOptions {
  count?: number;
  seed?: number;
}

/** What the demo data holds on purpose, so the demo can say what to expect. */
export interface DemoAccountStats {
  total: number;
  withoutNumber: number;
  /** The one account number two accounts share. */
  sharedNumber: string;
  unresolvableCountry: number;
  unmappedPaymentTerms: number;
  unknownShippingMethod: number;
}

export const DEMO_SEED = 20_170_708;

/** The sample accounts were last changed during the year before this instant. */
const DATA_AS_OF = Date.parse('2025-01-01T00:00:00Z');
const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Payment terms option values (Dataverse `paymenttermscode`): 2 = `2% 10, Net 30`, left out of the demo's value map. */
const PAYMENT_TERMS: readonly (readonly [number | null, number])[] = [
  [1, 50],
  [3, 18],
  [4, 18],
  [2, 3],
  [null, 11],
];

/** Countries as people type them into Sales; `Atlantis` resolves to no ISO code. */
const COUNTRIES: readonly (readonly [string | null, number])[] = [
  ['United States', 34],
  ['USA', 8],
  ['germany', 9],
  ['DE', 7],
  ['DEU', 6],
  ['Denmark', 5],
  ['France', 5],
  ['United Kingdom', 5],
  ['Canada', 4],
  [null, 16],
  ['Atlantis', 1],
];

type CountryCode = 'USA' | 'DEU' | 'DNK' | 'FRA' | 'GBR' | 'CAN';

const CITIES: Readonly<Record<CountryCode, readonly [string, string | null, string][]>> = {
  USA: [
    ['Seattle', 'WA', '98101'],
    ['Chicago', 'IL', '60601'],
    ['Austin', 'TX', '73301'],
    ['Boston', 'MA', '02108'],
  ],
  DEU: [
    ['Berlin', null, '10115'],
    ['Hamburg', null, '20095'],
    ['München', 'BY', '80331'],
  ],
  DNK: [
    ['København', null, '1050'],
    ['Aarhus', null, '8000'],
  ],
  FRA: [
    ['Paris', null, '75001'],
    ['Lyon', null, '69001'],
  ],
  GBR: [
    ['London', null, 'EC1A 1BB'],
    ['Leeds', null, 'LS1 1UR'],
  ],
  CAN: [
    ['Toronto', 'ON', 'M5H 2N2'],
    ['Vancouver', 'BC', 'V5K 0A1'],
  ],
};

const CURRENCY: Readonly<Record<string, string>> = {
  USA: 'USD',
  DEU: 'EUR',
  FRA: 'EUR',
  DNK: 'DKK',
  GBR: 'GBP',
  CAN: 'CAD',
};

const COUNTRY_CODE: Readonly<Record<string, CountryCode>> = {
  'United States': 'USA',
  USA: 'USA',
  germany: 'DEU',
  DE: 'DEU',
  DEU: 'DEU',
  Denmark: 'DNK',
  France: 'FRA',
  'United Kingdom': 'GBR',
  Canada: 'CAN',
};

/**
 * Deterministic Sales accounts for the demo (mulberry32 from `seed`): mostly clean, with the
 * problems users meet most often mixed in at known rates: accounts without an account number,
 * free-text and unresolvable countries, a payment term with no value map entry, a shipping
 * method mapped to a delivery mode F&O does not have, and exactly two accounts sharing one
 * account number.
 */
export function generateDemoAccounts(options: DemoAccountOptions = {}): {
  accounts: DemoAccount[];
  stats: DemoAccountStats;
} {
  const count = options.count ?? 3000;
  const random = new SeededRandom(options.seed ?? DEMO_SEED);
  const accounts: DemoAccount[] = [];
  for (let i = 0; i < count; i++) {
    const country = random.weighted(COUNTRIES);
    const code = country === null ? 'USA' : (COUNTRY_CODE[country] ?? null);
    const [city, state, postal] = random.pick(CITIES[code ?? 'USA']);
    const name = `${random.pick(COMPANY_FIRST_WORDS)} ${random.pick(COMPANY_SECOND_WORDS)} ${random.pick(COMPANY_SUFFIXES)}`;
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '');
    accounts.push({
      accountid: random.guid(),
      name: `${name} #${i + 1}`,
      accountnumber: random.chance(0.1) ? null : `ACC-${String(20_000 + i).padStart(5, '0')}-${random.letters(6)}`,
      address1_line1: `${random.int(1, 999)} ${random.pick(STREET_NAMES)}`,
      address1_city: city,
      address1_stateorprovince: state,
      address1_postalcode: postal,
      address1_country: country,
      telephone1: random.chance(0.9) ? `+1 555 ${String(random.int(0, 9999)).padStart(4, '0')}` : null,
      emailaddress1: random.chance(0.8) ? `info@${slug}.example` : null,
      websiteurl: random.chance(0.7) ? `https://www.${slug}.example` : null,
      numberofemployees: random.chance(0.85) ? random.int(1, 5000) : null,
      creditlimit: random.chance(0.7) ? random.int(1, 500) * 1000 : null,
      paymenttermscode: random.weighted(PAYMENT_TERMS),
      // 6 = Full Load: the demo's value map sends it to a delivery mode F&O does not have.
      address1_shippingmethodcode: random.weighted([
        [3, 40],
        [4, 40],
        [1, 10],
        [6, 2],
        [null, 8],
      ] as const),
      currency: random.chance(0.95) ? (CURRENCY[code ?? 'USA'] ?? 'USD') : null,
      modifiedon: new Date(DATA_AS_OF - Math.floor(random.next() * YEAR_MS)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
  }
  // Exactly two accounts share a number: the second keyed account takes the first one's.
  const [first, second] = accounts.filter((a) => a.accountnumber !== null);
  const sharedNumber = first?.accountnumber;
  if (!second || sharedNumber === undefined || sharedNumber === null) {
    throw new Error(
      `The demo needs two accounts with a number, to make them share one; ${count} account(s) gave fewer`,
    );
  }
  second.accountnumber = sharedNumber;
  return {
    accounts,
    stats: {
      total: accounts.length,
      withoutNumber: accounts.filter((a) => a.accountnumber === null).length,
      sharedNumber,
      unresolvableCountry: accounts.filter((a) => a.address1_country === 'Atlantis').length,
      unmappedPaymentTerms: accounts.filter((a) => a.paymenttermscode === 2).length,
      unknownShippingMethod: accounts.filter((a) => a.address1_shippingmethodcode === 6).length,
    },
  };
}
