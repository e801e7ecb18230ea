import { describe, expect, it } from 'vitest';
import { DEFAULT_URLS, Emulator, type EmulatorSeed } from '../src/index.js';
import { batchBody, changeset, httpPart, readBatchResponse } from './support/multipart.js';
import { startSession, type Session } from './support/session.js';

const USD = '7a3c2f10-5b1e-4c6a-9d0e-000000000840';
const ACCOUNT = '0a000000-0000-4000-8000-000000000001';
const CONTACT = '0c000000-0000-4000-8000-000000000001';
const UOM = '0e000000-0000-4000-8000-000000000001';
const PRICE_LIST = '0b000000-0000-4000-8000-000000000001';
const PRODUCT = '0d000000-0000-4000-8000-000000000001';
const MISSING = 'ffffffff-0000-4000-8000-000000000000';
const ANNOTATIONS = { Prefer: 'odata.include-annotations="*"' };
const BATCH = 'multipart/mixed; boundary=batch_q1';

/** A small Sales organisation: one account, a contact under it, a unit, a price list, two products. */
const SEED: EmulatorSeed = {
  sales: {
    accounts: [{ accountid: ACCOUNT, name: 'Contoso', accountnumber: 'ACC-1' }],
    uoms: [{ uomid: UOM, name: 'Each' }],
    pricelevels: [
      {
        pricelevelid: PRICE_LIST,
        name: 'Retail',
        'transactioncurrencyid@odata.bind': `/transactioncurrencies(${USD})`,
      },
    ],
    contacts: [
      {
        contactid: CONTACT,
        msdyn_contactnumber: 'CON-1',
        firstname: 'Ada',
        lastname: 'Lovelace',
        'parentcustomerid_account@odata.bind': "/accounts(accountnumber='ACC-1')",
      },
    ],
    products: [
      {
        productid: PRODUCT,
        productnumber: 'P-1',
        name: 'Widget',
        msdyn_isexternallymaintained: true,
        'defaultuomid@odata.bind': "/uoms(name='Each')",
        _pricelevelid_value: PRICE_LIST,
      },
      { productnumber: 'P-2', name: 'Gadget', 'defaultuomid@odata.bind': `/uoms(${UOM})` },
    ],
  },
};

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

async function post(session: Session, set: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await session.sales(set, {
    method: 'POST',
    json: body,
    headers: { Prefer: 'return=representation' },
  });
  const payload = await json(response);
  expect(response.status, JSON.stringify(payload)).toBe(201);
  return payload;
}

describe('Sales tables (generic engine)', () => {
  it('loads seeds with binds by id and by alternate key, in dependency order', async () => {
    const { emulator } = await startSession(SEED);
    expect(emulator.sales.table('contacts').get('CON-1')).toMatchObject({
      contactid: CONTACT,
      fullname: 'Ada Lovelace',
      _parentcustomerid_value: ACCOUNT,
      msdyn_isactivecustomer: false,
    });
    expect(emulator.sales.table('products').get('P-2')).toMatchObject({
      _defaultuomid_value: UOM,
      quantitydecimal: 2,
      statecode: 0,
    });
    expect(emulator.sales.table('pricelevels').get(PRICE_LIST)).toMatchObject({ _transactioncurrencyid_value: USD });
    expect(
      () =>
        new Emulator({
          sales: { quotes: [{ name: 'Q', 'customerid_contact@odata.bind': "/contacts(msdyn_contactnumber='X')" }] },
        }),
    ).toThrow(/sales\.quotes\[0\]: A record with the specified key values does not exist in contact entity/);
  });

  it('creates, upserts and reads contacts by alternate key, with lookup annotations', async () => {
    const session = await startSession(SEED);
    const created = await post(session, 'contacts', {
      msdyn_contactnumber: 'CON-2',
      lastname: 'Hopper',
      firstname: 'Grace',
      'parentcustomerid_contact@odata.bind': `/contacts(${CONTACT})`,
    });
    expect(created).toMatchObject({ fullname: 'Grace Hopper', _parentcustomerid_value: CONTACT, statecode: 0 });

    const upsert = await session.sales("contacts(msdyn_contactnumber='CON-3')", {
      method: 'PATCH',
      json: { lastname: 'Turing', 'parentcustomerid_account@odata.bind': `/accounts(${ACCOUNT})` },
    });
    expect(upsert.status).toBe(204);
    const read = await session.sales("contacts(msdyn_contactnumber='CON-3')", { headers: ANNOTATIONS });
    const row = await json(read);
    expect(read.headers.get('etag')).toBe(row['@odata.etag']);
    expect(row).toMatchObject({
      msdyn_contactnumber: 'CON-3',
      _parentcustomerid_value: ACCOUNT,
      '_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'account',
      '_parentcustomerid_value@OData.Community.Display.V1.FormattedValue': 'Contoso',
    });

    const contactParent = await json(
      await session.sales("contacts(msdyn_contactnumber='CON-2')", { headers: ANNOTATIONS }),
    );
    expect(contactParent['_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname']).toBe('contact');
    expect(contactParent['_parentcustomerid_value@OData.Community.Display.V1.FormattedValue']).toBe('Ada Lovelace');

    // If-Match with a stale ETag fails; If-None-Match: * refuses an existing row.
    const stale = await session.sales("contacts(msdyn_contactnumber='CON-3')", {
      method: 'PATCH',
      json: { jobtitle: 'x' },
      headers: { 'If-Match': 'W/"1"' },
    });
    expect(stale.status).toBe(412);
    const createOnly = await session.sales("contacts(msdyn_contactnumber='CON-3')", {
      method: 'PATCH',
      json: { jobtitle: 'x' },
      headers: { 'If-None-Match': '*' },
    });
    expect(createOnly.status).toBe(412);
    const updateOnly = await session.sales("contacts(msdyn_contactnumber='CON-404')", {
      method: 'PATCH',
      json: { lastname: 'x' },
      headers: { 'If-Match': '*' },
    });
    expect(updateOnly.status).toBe(404);
  });

  it('puts a seeded unit without a unit group in "Default Unit", and a seeded product in its unit\'s group', async () => {
    const emulator = new Emulator(SEED);
    const group = emulator.sales.table('uomschedules').get('Default Unit');
    expect(group).toMatchObject({ name: 'Default Unit', baseuomname: 'Primary Unit' });
    expect(emulator.sales.table('uoms').get('Each')).toMatchObject({
      _uomscheduleid_value: group!['uomscheduleid'],
      quantity: 1,
      isschedulebaseuom: false,
    });
    const primary = emulator.sales.table('uoms').insert({ name: 'Primary Unit' });
    expect(primary).toMatchObject({ _uomscheduleid_value: group!['uomscheduleid'], isschedulebaseuom: true });
    expect(emulator.sales.table('products').get('P-1')).toMatchObject({
      _defaultuomscheduleid_value: group!['uomscheduleid'],
    });
  });

  it('refuses a product created without a unit group, with a unit outside its group, or with a default price list', async () => {
    const session = await startSession(SEED);
    await post(session, 'uomschedules', { name: 'Time' });
    await post(session, 'uoms', { name: 'Hour', 'uomscheduleid@odata.bind': "/uomschedules(name='Time')" });
    const create = (extra: Record<string, unknown>) =>
      session.sales('products', {
        method: 'POST',
        json: { productnumber: 'P-7', name: 'Sprocket', 'defaultuomid@odata.bind': "/uoms(name='Each')", ...extra },
      });
    const message = async (response: Response) => ((await json(response))['error'] as { message: string }).message;

    const noGroup = await create({});
    expect(noGroup.status).toBe(400);
    expect(await message(noGroup)).toBe(
      "A validation error occurred. The 'defaultuomscheduleid' attribute of the 'product' entity is required and cannot be empty.",
    );
    const otherGroup = await create({ 'defaultuomscheduleid@odata.bind': "/uomschedules(name='Time')" });
    expect(otherGroup.status).toBe(400);
    expect(await message(otherGroup)).toBe('The unit does not exist in the specified unit schedule.');
    const withPriceList = await create({
      'defaultuomscheduleid@odata.bind': "/uomschedules(name='Default Unit')",
      'pricelevelid@odata.bind': "/pricelevels(name='Retail')",
    });
    expect(withPriceList.status).toBe(400);
    expect(await message(withPriceList)).toContain(
      "The 'pricelevelid' attribute of the 'product' entity is not valid for create",
    );
    expect(session.emulator.sales.table('products').get('P-7')).toBeUndefined();

    // The price list is set by an update once the product exists.
    await post(session, 'products', {
      productnumber: 'P-7',
      name: 'Sprocket',
      'defaultuomscheduleid@odata.bind': "/uomschedules(name='Default Unit')",
      'defaultuomid@odata.bind': "/uoms(name='Each')",
    });
    const update = await session.sales("products(productnumber='P-7')", {
      method: 'PATCH',
      json: { 'pricelevelid@odata.bind': "/pricelevels(name='Retail')" },
      headers: { 'If-Match': '*' },
    });
    expect(update.status).toBe(204);
    expect(session.emulator.sales.table('products').get('P-7')).toMatchObject({ _pricelevelid_value: PRICE_LIST });
  });

  it('creates and reads products, quotes, sales orders and invoices by alternate key', async () => {
    const session = await startSession(SEED);
    await post(session, 'products', {
      productnumber: 'P-3',
      name: 'Sprocket',
      'defaultuomscheduleid@odata.bind': "/uomschedules(name='Default Unit')",
      'defaultuomid@odata.bind': "/uoms(name='Each')",
      price: 9.5,
    });
    expect(await json(await session.sales("products(productnumber='P-3')?$select=price"))).toMatchObject({
      price: 9.5,
    });

    const quote = await post(session, 'quotes', {
      name: 'Q',
      'customerid_account@odata.bind': "/accounts(accountnumber='ACC-1')",
    });
    expect(quote['quotenumber']).toMatch(/^QUO-01000-[A-Z]{6}$/);
    expect(await json(await session.sales(`quotes(quotenumber='${String(quote['quotenumber'])}')`))).toMatchObject({
      name: 'Q',
    });

    const upserted = await session.sales("salesorders(ordernumber='ORD-1')", {
      method: 'PATCH',
      json: {
        name: 'Order',
        'customerid_contact@odata.bind': "/contacts(msdyn_contactnumber='CON-1')",
        msdyn_processingstatus: 192350002,
        totalamount: 12,
      },
    });
    expect(upserted.status).toBe(204);
    const order = await json(await session.sales("salesorders(ordernumber='ORD-1')", { headers: ANNOTATIONS }));
    expect(order).toMatchObject({
      _customerid_value: CONTACT,
      '_customerid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'contact',
      'msdyn_processingstatus@OData.Community.Display.V1.FormattedValue': 'Confirmed',
      totalamount: 12,
    });

    const invoice = await post(session, 'invoices', {
      name: 'Invoice',
      'customerid_account@odata.bind': `/accounts(${ACCOUNT})`,
      'salesorderid@odata.bind': "/salesorders(ordernumber='ORD-1')",
      duedate: '2026-04-01',
    });
    expect(invoice).toMatchObject({
      invoicenumber: expect.stringMatching(/^INV-01000-/),
      _salesorderid_value: order['salesorderid'],
    });
    expect(
      await json(await session.sales(`invoices(invoicenumber='${String(invoice['invoicenumber'])}')`)),
    ).toMatchObject({
      duedate: '2026-04-01',
    });
  });

  it('refuses a bind to a missing row, a missing required column and text over its length, naming them', async () => {
    const session = await startSession(SEED);
    const missingById = await session.sales('quotes', {
      method: 'POST',
      json: { name: 'Q', 'customerid_account@odata.bind': `/accounts(${MISSING})` },
    });
    expect(missingById.status).toBe(404);
    expect(((await json(missingById))['error'] as { message: string }).message).toBe(
      `account With Id = ${MISSING} Does Not Exist`,
    );

    const missingByKey = await session.sales('contacts', {
      method: 'POST',
      json: { lastname: 'X', 'parentcustomerid_contact@odata.bind': "/contacts(msdyn_contactnumber='NOPE')" },
    });
    expect(missingByKey.status).toBe(404);
    expect(((await json(missingByKey))['error'] as { message: string }).message).toContain(
      "contact entity (msdyn_contactnumber='NOPE')",
    );

    const required = await session.sales('contacts', { method: 'POST', json: { firstname: 'No last name' } });
    expect(required.status).toBe(400);
    expect(((await json(required))['error'] as { message: string }).message).toContain(
      "'lastname' attribute of the 'contact' entity is required",
    );

    const requiredLookup = await session.sales('products', {
      method: 'POST',
      json: { productnumber: 'P-9', name: 'No unit' },
    });
    expect(((await json(requiredLookup))['error'] as { message: string }).message).toContain("'defaultuomid'");

    const tooLong = await session.sales('contacts', { method: 'POST', json: { lastname: 'x'.repeat(51) } });
    expect(tooLong.status).toBe(400);
    expect(((await json(tooLong))['error'] as { message: string }).message).toContain(
      "length of the 'lastname' attribute of the 'contact' entity",
    );
    expect(session.emulator.sales.table('contacts').list()).toHaveLength(1);
  });

  it('writes price list items by a client-chosen GUID and refuses a duplicate product, price list and unit', async () => {
    const session = await startSession(SEED);
    const id = '0f000000-0000-4000-8000-000000000001';
    const body = {
      'productid@odata.bind': "/products(productnumber='P-1')",
      'pricelevelid@odata.bind': "/pricelevels(name='Retail')",
      'uomid@odata.bind': `/uoms(${UOM})`,
      amount: 10,
    };
    expect((await session.sales(`productpricelevels(${id})`, { method: 'PATCH', json: body })).status).toBe(204);
    const created = session.emulator.sales.table('productpricelevels').get(id);
    expect(created).toMatchObject({ amount: 10, _transactioncurrencyid_value: USD, _productid_value: PRODUCT });
    expect((await session.sales(`productpricelevels(${id})`, { method: 'PATCH', json: { amount: 12 } })).status).toBe(
      204,
    );
    const updated = session.emulator.sales.table('productpricelevels').get(id);
    expect(updated).toMatchObject({ amount: 12 });
    expect(Number(updated?.['versionnumber'])).toBeGreaterThan(Number(created?.['versionnumber']));

    const duplicate = await session.sales('productpricelevels(0f000000-0000-4000-8000-000000000002)', {
      method: 'PATCH',
      json: body,
    });
    expect(duplicate.status).toBe(412);
    expect(((await json(duplicate))['error'] as { message: string }).message).toContain(
      '_productid_value, _pricelevelid_value, _uomid_value',
    );
  });

  it('recalculates a quote when a detail changes: totals, the external-products flag and a new version', async () => {
    const session = await startSession(SEED);
    const quote = await post(session, 'quotes', {
      name: 'Q',
      quotenumber: 'QUO-1',
      'customerid_account@odata.bind': `/accounts(${ACCOUNT})`,
    });
    expect(quote).toMatchObject({ totalamount: 0, msdyn_hasexternallymaintainedproductsonly: false });
    const quoteVersion = (): number => Number(session.emulator.sales.table('quotes').get('QUO-1')?.['versionnumber']);
    const before = quoteVersion();

    const line = (product: string, quantity: number, price: number) => ({
      'quoteid@odata.bind': "/quotes(quotenumber='QUO-1')",
      'productid@odata.bind': `/products(productnumber='${product}')`,
      'uomid@odata.bind': `/uoms(${UOM})`,
      lineitemnumber: 1,
      quantity,
      priceperunit: price,
    });
    const detail = await post(session, 'quotedetails', line('P-1', 3, 2.5));
    expect(detail['extendedamount']).toBe(7.5);
    expect(session.emulator.sales.table('quotes').get('QUO-1')).toMatchObject({
      totalamount: 7.5,
      msdyn_hasexternallymaintainedproductsonly: true,
    });
    const afterFirst = quoteVersion();
    expect(afterFirst).toBeGreaterThan(before);

    await post(session, 'quotedetails', line('P-2', 1, 10));
    expect(session.emulator.sales.table('quotes').get('QUO-1')).toMatchObject({
      totalamount: 17.5,
      msdyn_hasexternallymaintainedproductsonly: false,
    });
    expect(quoteVersion()).toBeGreaterThan(afterFirst);

    const deleted = await session.sales(`quotedetails(${String(detail['quotedetailid'])})`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(session.emulator.sales.table('quotes').get('QUO-1')).toMatchObject({ totalamount: 10 });

    // Deleting the quote deletes its details (a parental relationship).
    await session.sales("quotes(quotenumber='QUO-1')", { method: 'DELETE' });
    expect(session.emulator.sales.table('quotedetails').list()).toEqual([]);
  });

  it('pages with maxpagesize and filters on modifiedon, a boolean and a lookup; track-changes is ignored when off', async () => {
    const session = await startSession(SEED, { changeTracking: { tables: { contacts: false } } });
    session.clock.advance(120);
    for (let index = 0; index < 5; index += 1) {
      session.emulator.sales.table('contacts').insert({
        lastname: `Later ${index}`,
        msdyn_isactivecustomer: index % 2 === 0,
        'parentcustomerid_account@odata.bind': `/accounts(${ACCOUNT})`,
      });
    }
    const names: string[] = [];
    let next: string | undefined = 'contacts?$select=lastname&$orderby=lastname';
    let pages = 0;
    while (next) {
      const response = await session.sales(next, { headers: { Prefer: 'odata.maxpagesize=2,odata.track-changes' } });
      const page = await json(response);
      expect(response.status, JSON.stringify(page)).toBe(200);
      expect(page['@odata.deltaLink']).toBeUndefined();
      names.push(...(page['value'] as { lastname: string }[]).map((row) => row.lastname));
      next = page['@odata.nextLink'] as string | undefined;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(names).toEqual(['Later 0', 'Later 1', 'Later 2', 'Later 3', 'Later 4', 'Lovelace']);

    const query = async (filter: string): Promise<number> => {
      const page = await json(await session.sales(`contacts?$filter=${encodeURIComponent(filter)}&$count=true`));
      return page['@odata.count'] as number;
    };
    expect(await query('modifiedon ge 2026-03-01T12:01:00Z')).toBe(5);
    expect(await query('msdyn_isactivecustomer eq true')).toBe(3);
    expect(await query(`_parentcustomerid_value eq ${ACCOUNT}`)).toBe(6);
    expect(await (await session.sales('contacts/$count')).text()).toBe('6');
  });

  it('rolls back rows of the new tables when a $batch change set fails', async () => {
    const session = await startSession(SEED);
    const postPart = (set: string, body: unknown, id: string) =>
      httpPart([`POST /api/data/v9.2/${set} HTTP/1.1`, 'Content-Type: application/json'], { body, contentId: id });
    const body = batchBody('batch_q1', [
      changeset('changeset_1', [
        postPart(
          'quotes',
          { name: 'Rolled back', quotenumber: 'QUO-RB', 'customerid_account@odata.bind': `/accounts(${ACCOUNT})` },
          '1',
        ),
        postPart(
          'quotedetails',
          {
            'quoteid@odata.bind': "/quotes(quotenumber='QUO-RB')",
            'productid@odata.bind': "/products(productnumber='P-1')",
            'uomid@odata.bind': `/uoms(${UOM})`,
            lineitemnumber: 1,
            quantity: 1,
          },
          '2',
        ),
        postPart('contacts', { lastname: 'x'.repeat(60) }, '3'),
      ]),
    ]);
    const response = await session.sales('$batch', { method: 'POST', headers: { 'Content-Type': BATCH }, body });
    const parts = readBatchResponse(response.headers.get('content-type'), await response.text());
    expect(parts).toEqual([expect.objectContaining({ status: 400, contentId: '3' })]);
    expect(session.emulator.sales.table('quotes').list()).toEqual([]);
    expect(session.emulator.sales.table('quotedetails').list()).toEqual([]);
    expect(session.emulator.sales.table('quotes').get('QUO-RB')).toBeUndefined();
  });

  it('lists the tables in the service document, $metadata and the admin API', async () => {
    const session = await startSession(SEED);
    const document = await json(await session.sales(''));
    expect((document['value'] as { name: string }[]).map((set) => set.name)).toEqual(
      expect.arrayContaining(['contacts', 'quotes', 'invoicedetails', 'productpricelevels']),
    );
    const metadata = await (await session.sales('$metadata')).text();
    expect(metadata).toContain('<EntitySet Name="salesorders" EntityType="Microsoft.Dynamics.CRM.salesorder"');
    const admin = await session.emulator.handle(
      new Request(`${DEFAULT_URLS.salesUrl}/_emulator/sales/tables/products`),
    );
    expect(
      ((await json(admin))['value'] as { productnumber: string }[]).map((row) => row.productnumber).sort(),
    ).toEqual(['P-1', 'P-2']);
  });
});
