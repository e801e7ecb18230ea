import { DEFAULT_CREDENTIALS, DEFAULT_URLS, Emulator } from '@p2c/emulator';
import type { RecordExclusion, RecordFailure } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import '../src/matchers.js';

async function post(emulator: Emulator, set: string, body: unknown): Promise<number> {
  const tokenResponse = await emulator.handle(
    new Request(`${DEFAULT_URLS.loginUrl}/${DEFAULT_CREDENTIALS.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: DEFAULT_CREDENTIALS.clientId,
        client_secret: DEFAULT_CREDENTIALS.clientSecret,
        scope: `${DEFAULT_URLS.salesUrl}/.default`,
      }),
    }),
  );
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const response = await emulator.handle(
    new Request(`${DEFAULT_URLS.salesUrl}/api/data/v9.2/${set}`, {
      method: set.includes('(') ? 'PATCH' : 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  return response.status;
}

const failure = (key: string, code: string, message: string): RecordFailure => ({
  taskId: 'QuoteLine',
  sourceId: `id-${key}`,
  key,
  code,
  message,
});
const exclusion = (key: string, rule: string): RecordExclusion => ({
  taskId: 'QuoteHeader',
  sourceId: `id-${key}`,
  key,
  rule,
  reason: `only ${rule}`,
});
const summary = {
  failures: [failure('QUO-UNIT|1', 'VALUE_MAP_MISS', "SalesUnitSymbol: no value map entry for 'Dozen'")],
  excluded: [exclusion('QUO-DRAFT', 'activeOnly')],
};

describe('toHaveWrittenOnce', () => {
  it('passes for a row written once, by its alternate key or id, on an emulator or anything holding one', async () => {
    const emulator = new Emulator();
    expect(await post(emulator, 'accounts', { name: 'Contoso', accountnumber: 'ACC-1' })).toBe(204);
    const id = emulator.sales.accounts.list()[0]!.accountid;
    expect(emulator).toHaveWrittenOnce('sales', 'accounts', 'ACC-1');
    expect({ emulator }).toHaveWrittenOnce('sales', 'accounts', id);
    expect(emulator).toHaveWrittenOnce('sales', 'accounts', 'acc-1');
    expect(emulator).not.toHaveWrittenOnce('sales', 'accounts', 'ACC-2');
  });

  it('fails for a row written twice or never, saying what was written', async () => {
    const emulator = new Emulator();
    await post(emulator, 'accounts', { name: 'Contoso', accountnumber: 'ACC-1' });
    await post(emulator, "accounts(accountnumber='ACC-1')", { name: 'Contoso Ltd' });
    expect(() => expect(emulator).toHaveWrittenOnce('sales', 'accounts', 'ACC-1')).toThrow(
      "expected sales accounts 'acc-1' to have been written (created or updated) exactly once, but it was created 1, updated 1, deleted 0 time(s)",
    );
    expect(() => expect(emulator).toHaveWrittenOnce('sales', 'accounts', 'ACC-2')).toThrow(
      /never written; written to accounts: ACC-1 \(created 1, updated 1/,
    );
    expect(() => expect({}).toHaveWrittenOnce('sales', 'accounts', 'ACC-1')).toThrow(
      /expects a harness or an emulator/,
    );
  });
});

describe('toHaveDefaults', () => {
  const rows = [
    { IsSalesStopped: 'No', SalesUnitSymbol: 'ea', ProductNumber: 'D1' },
    { IsSalesStopped: 'No', SalesUnitSymbol: 'ea', ProductNumber: 'D2' },
  ];

  it('passes when every row has the values, asymmetric matchers included', () => {
    expect(rows).toHaveDefaults({ IsSalesStopped: 'No', ProductNumber: expect.stringMatching(/^D/) });
  });

  it('fails listing the rows that do not, and on no rows at all', () => {
    const mixed = [...rows, { IsSalesStopped: 'Yes', SalesUnitSymbol: 'ea' }];
    expect(() => expect(mixed).toHaveDefaults({ IsSalesStopped: 'No', SalesUnitSymbol: 'ea' })).toThrow(
      'expected every row to have {"IsSalesStopped":"No","SalesUnitSymbol":"ea"}; 1 of 3 do not:\n  row 2: IsSalesStopped: "Yes" (expected "No")',
    );
    expect(() => expect([]).toHaveDefaults({ IsSalesStopped: 'No' })).toThrow('but there are no rows');
    expect(() => expect(rows).not.toHaveDefaults({ SalesUnitSymbol: 'ea' })).toThrow(/but all have/);
  });
});

describe('toHaveFailedWith', () => {
  it('passes for a failure of the key (or source id) with that code and message', () => {
    expect(summary).toHaveFailedWith('QUO-UNIT|1');
    expect(summary).toHaveFailedWith('id-QUO-UNIT|1', { code: 'VALUE_MAP_MISS', message: /'Dozen'/ });
    expect(summary).toHaveFailedWith('QUO-UNIT|1', {
      message: "SalesUnitSymbol: no value map entry for 'Dozen'",
      taskId: 'QuoteLine',
    });
    expect(summary).not.toHaveFailedWith('QUO-UNIT|2');
  });

  it('fails showing what the summary has instead', () => {
    expect(() => expect(summary).toHaveFailedWith('QUO-UNIT|1', { code: 'DESTINATION_REJECTED' })).toThrow(
      "expected 'QUO-UNIT|1' to have failed with DESTINATION_REJECTED, but its failures are:\n  QuoteLine QUO-UNIT|1: VALUE_MAP_MISS \"SalesUnitSymbol: no value map entry for 'Dozen'\"",
    );
    expect(() => expect(summary).toHaveFailedWith('QUO-9', { message: /x/ })).toThrow(
      /but the summary's failures are:\n {2}QuoteLine QUO-UNIT\|1/,
    );
    expect(() => expect({ failures: [] }).toHaveFailedWith('QUO-9')).toThrow(
      "expected 'QUO-9' to have failed, but the summary has no failures",
    );
    expect(() => expect('nope').toHaveFailedWith('QUO-9')).toThrow(/expects a RunSummary/);
  });
});

describe('toHaveLeftOut', () => {
  it('passes for a record left out by that rule', () => {
    expect(summary).toHaveLeftOut('QUO-DRAFT', 'activeOnly');
    expect(summary).not.toHaveLeftOut('QUO-DRAFT', 'externallyMaintainedProductsOnly');
  });

  it('fails showing what the summary left out instead', () => {
    expect(() => expect(summary).toHaveLeftOut('QUO-DRAFT', 'externallyMaintainedProductsOnly')).toThrow(
      "expected 'QUO-DRAFT' to have been left out by rule 'externallyMaintainedProductsOnly', but it was left out by:\n  QuoteHeader QUO-DRAFT: activeOnly",
    );
    expect(() => expect(summary).toHaveLeftOut('QUO-1', 'activeOnly')).toThrow(
      /but the summary's exclusions are:\n {2}QuoteHeader QUO-DRAFT: activeOnly/,
    );
    expect(() => expect({ excluded: [] }).toHaveLeftOut('QUO-1', 'activeOnly')).toThrow(
      /but the summary left nothing out$/,
    );
  });
});
