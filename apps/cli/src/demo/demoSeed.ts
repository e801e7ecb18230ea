import type { EmulatorSeed, SeedAccount } from '@p2c/emulator';
import { storySeed } from './demoLoop.js';
import type { DemoAccount } from './generateDemoAccounts.js';

/** The delivery modes F&O knows in the demo; the demo's value map also sends one it does not. */
const DEMO_DELIVERY_MODES = ['FedEx', 'UPS', 'Air'];

/**
 * The emulator seed for the demo: the sample accounts and the story's rows in Sales (contacts,
 * units, price lists); in F&O the legal entity usmf with its customer groups, the reference
 * lists a customer's fields are checked against, and the story's products.
 */
export function demoSeed(accounts: readonly DemoAccount[]): EmulatorSeed {
  const story = storySeed();
  return {
    sales: {
      ...story.sales,
      accounts: [
        ...(story.sales.accounts ?? []),
        ...accounts.map(({ currency, modifiedon, ...columns }): SeedAccount => ({
          ...columns,
          createdon: modifiedon,
          modifiedon,
          statecode: 0,
          customertypecode: 3,
          ...(currency === null ? {} : { transactioncurrencyid: { isocurrencycode: currency } }),
        })),
      ],
    },
    finops: {
      legalEntities: ['usmf'],
      customerGroups: [
        { dataAreaId: 'usmf', CustomerGroupId: '10', Description: 'Wholesale customers' },
        { dataAreaId: 'usmf', CustomerGroupId: '20', Description: 'Retail customers' },
        { dataAreaId: 'usmf', CustomerGroupId: '30', Description: 'Intercompany' },
      ],
      currencies: ['USD', 'EUR', 'GBP', 'CAD', 'DKK'],
      languages: ['en-us'],
      paymentTerms: ['Net30', 'Net45', 'Net60'],
      deliveryModes: DEMO_DELIVERY_MODES,
      sites: ['1'],
      warehouses: ['13'],
      ...story.finops,
    },
  };
}
