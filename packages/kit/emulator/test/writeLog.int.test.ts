import { describe, expect, it } from 'vitest';
import { aCustomer } from './support/builders.js';
import { batchBody, changeset, httpPart, readBatchResponse } from './support/multipart.js';
import { startSession } from './support/session.js';

const salesPost = (set: string, body: unknown, contentId: string): string =>
  httpPart([`POST /api/data/v9.2/${set} HTTP/1.1`, 'Content-Type: application/json'], { contentId, body });

describe('the write log', () => {
  it('counts creates, updates and deletes per row: accounts by number, generic tables by alternate key or id', async () => {
    const { sales, emulator } = await startSession({ sales: { uoms: [{ name: 'Each' }] } });
    expect(
      (await sales('accounts', { method: 'POST', json: { name: 'Contoso', accountnumber: 'ACC-1' } })).status,
    ).toBe(204);
    await sales("accounts(accountnumber='ACC-1')", { method: 'PATCH', json: { name: 'Contoso Ltd' } });
    await sales("accounts(accountnumber='ACC-2')", { method: 'PATCH', json: { name: 'Fabrikam' } });
    await sales('contacts', { method: 'POST', json: { lastname: 'Davolio', msdyn_contactnumber: 'CON-1' } });
    await sales('contacts', { method: 'POST', json: { lastname: 'Fuller' } });
    const fuller = emulator.sales
      .table('contacts')
      .list()
      .find((row) => row['lastname'] === 'Fuller')!;
    await sales(`contacts(${String(fuller['contactid'])})`, { method: 'DELETE' });
    // A refused write is not logged.
    expect((await sales('contacts', { method: 'POST', json: { firstname: 'No last name' } })).status).toBe(400);
    // Neither are seeds and direct access.
    emulator.sales.table('uoms').insert({ name: 'Piece' });

    expect(emulator.writeLog()).toHaveLength(4);
    expect(emulator.writeLog()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          service: 'sales',
          entitySet: 'accounts',
          key: 'ACC-1',
          create: 1,
          update: 1,
          delete: 0,
        }),
        expect.objectContaining({
          service: 'sales',
          entitySet: 'accounts',
          key: 'ACC-2',
          create: 1,
          update: 0,
          delete: 0,
        }),
        expect.objectContaining({ service: 'sales', entitySet: 'contacts', key: 'CON-1', create: 1 }),
        {
          service: 'sales',
          entitySet: 'contacts',
          key: fuller['contactid'],
          id: fuller['contactid'],
          create: 1,
          update: 0,
          delete: 1,
        },
      ]),
    );
  });

  it('keys F&O rows by their key fields joined, for CustomersV3 and the declared entities', async () => {
    const { finops, emulator } = await startSession({
      finops: { customerGroups: ['10'], customers: [aCustomer('C-1').build()] },
    });
    await finops("CustomersV3(dataAreaId='usmf',CustomerAccount='C-1')", { method: 'PATCH', json: { SalesMemo: 'x' } });
    const created = await finops('ContactPersonsV2', {
      method: 'POST',
      json: { dataAreaId: 'usmf', ContactPersonId: 'CP-1', LastName: 'Davolio', CustomerAccount: 'C-1' },
    });
    expect(created.status).toBe(201);
    await finops("ContactPersonsV2(dataAreaId='usmf',ContactPersonId='CP-1')", { method: 'DELETE' });

    expect(emulator.writeLog()).toEqual([
      { service: 'finops', entitySet: 'CustomersV3', key: 'usmf,C-1', create: 0, update: 1, delete: 0 },
      { service: 'finops', entitySet: 'ContactPersonsV2', key: 'usmf,CP-1', create: 1, update: 0, delete: 1 },
    ]);
    emulator.clearWriteLog();
    expect(emulator.writeLog()).toEqual([]);
  });

  it('keeps no entry of a rolled-back change set, in Sales and in F&O', async () => {
    const { sales, finops, emulator } = await startSession({ finops: { customerGroups: ['10'] } });
    const failingSales = batchBody('b1', [
      changeset('c1', [
        salesPost('accounts', { name: 'Kept?', accountnumber: 'ACC-9' }, '1'),
        salesPost('accounts', { accountnumber: 'X'.repeat(21) }, '2'),
      ]),
      changeset('c2', [salesPost('accounts', { name: 'Committed', accountnumber: 'ACC-8' }, '3')]),
    ]);
    const salesAnswer = await sales('$batch', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/mixed; boundary=b1' },
      body: failingSales,
    });
    expect(
      readBatchResponse(salesAnswer.headers.get('content-type'), await salesAnswer.text()).map((part) => part.status),
    ).toEqual([400]);

    const customer = (account: string, group: string, contentId: string): string =>
      httpPart(['POST CustomersV3 HTTP/1.1', 'Content-Type: application/json'], {
        contentId,
        body: {
          CustomerAccount: account,
          OrganizationName: account,
          PartyType: 'Organization',
          CustomerGroupId: group,
          SalesCurrencyCode: 'USD',
        },
      });
    const failingFinOps = batchBody('b2', [changeset('c3', [customer('N-1', '10', '1'), customer('N-2', '99', '2')])]);
    await finops('$batch', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/mixed; boundary=b2' },
      body: failingFinOps,
    });
    expect(emulator.finops.customers.list()).toEqual([]);
    expect(emulator.writeLog()).toEqual([]);

    const committed = batchBody('b3', [changeset('c4', [customer('N-1', '10', '1')])]);
    await finops('$batch', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/mixed; boundary=b3' },
      body: committed,
    });
    expect(emulator.writeLog()).toEqual([
      expect.objectContaining({ entitySet: 'CustomersV3', key: 'usmf,N-1', create: 1 }),
    ]);
  });
});
