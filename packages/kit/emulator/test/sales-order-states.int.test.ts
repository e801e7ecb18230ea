import { describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../src/index.js';
import { startSession } from './support/session.js';

const SEED: EmulatorSeed = {
  sales: {
    accounts: [{ name: 'Contoso', accountnumber: 'ACC-1' }],
    salesorders: [
      { ordernumber: 'ORD-OPEN', name: 'Open', 'customerid_account@odata.bind': "/accounts(accountnumber='ACC-1')" },
      {
        ordernumber: 'ORD-INV',
        name: 'Invoiced',
        'customerid_account@odata.bind': "/accounts(accountnumber='ACC-1')",
        statecode: 4,
        statuscode: 100003,
      },
      {
        ordernumber: 'ORD-FUL',
        name: 'Fulfilled',
        'customerid_account@odata.bind': "/accounts(accountnumber='ACC-1')",
        statecode: 3,
        statuscode: 100001,
      },
    ],
  },
};

describe('Sales orders in the emulator', () => {
  it('keeps "Is Maintained Externally" on an order, No unless written', async () => {
    const session = await startSession(SEED);
    const set = await session.sales("salesorders(ordernumber='ORD-OPEN')", {
      method: 'PATCH',
      json: { msdyn_isexternallymaintained: true },
    });
    expect(set.status).toBe(204);
    expect(session.emulator.sales.table('salesorders').get('ORD-OPEN')).toMatchObject({
      msdyn_isexternallymaintained: true,
    });
    expect(session.emulator.sales.table('salesorders').get('ORD-INV')).toMatchObject({
      msdyn_isexternallymaintained: false,
    });
  });

  it('refuses an update of an invoiced or fulfilled order (read-only in Sales) and allows one of an active order', async () => {
    const session = await startSession(SEED);
    for (const [number, state] of [
      ['ORD-INV', 'Invoiced'],
      ['ORD-FUL', 'Fulfilled'],
    ] as const) {
      const refused = await session.sales(`salesorders(ordernumber='${number}')`, {
        method: 'PATCH',
        json: { totalamount: 99 },
      });
      expect(refused.status).toBe(400);
      const body = (await refused.json()) as { error: { message: string } };
      expect(body.error.message).toContain(`The salesorder is ${state} and cannot be updated`);
    }
    const allowed = await session.sales("salesorders(ordernumber='ORD-OPEN')", {
      method: 'PATCH',
      json: { totalamount: 99 },
    });
    expect(allowed.status).toBe(204);
    expect(session.emulator.sales.table('salesorders').get('ORD-INV')).not.toMatchObject({ totalamount: 99 });
  });
});
