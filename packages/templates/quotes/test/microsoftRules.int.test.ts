import { startHarness, useEmulator, type Harness } from '@p2c/testing';
import '@p2c/testing/matchers';
import { describe, expect, it } from 'vitest';
import { addQuote, header, plugins, withParentsSynced } from './quotesHarness.js';
import { baseSeed, detail, quote } from './quotesSeed.js';

// The rules of Microsoft's "Synchronize sales quotation headers and lines from Sales to Finance
// and Operations" (and its "- Direct" sibling), each through the emulators.

const emulator = useEmulator();

const line = (h: Harness, SalesQuotationNumber: string, LineNumber: number) =>
  h.emulator.finops.entity('SalesQuotationLines').get({ dataAreaId: 'usmf', SalesQuotationNumber, LineNumber });
const detailOf = (h: Harness, quoteNumber: string, lineitemnumber: number) => {
  const quoteId = h.emulator.sales.table('quotes').get(quoteNumber)!['quoteid'];
  return h.emulator.sales
    .table('quotedetails')
    .list()
    .find((row) => row['_quoteid_value'] === quoteId && row['lineitemnumber'] === lineitemnumber)!;
};

describe("Microsoft's QuoteLine rules", () => {
  it('The Requested delivery date field is required in Finance and Operations: a quote line without one gets the default template value, 1/1/2020', async () => {
    const h = await withParentsSynced(emulator);
    addQuote(h, quote('QUO-DATES', { statecode: 1 }), [
      detail('QUO-DATES', 1, 'D0001'),
      detail('QUO-DATES', 2, 'D0002', { requestdeliveryby: '2026-07-01' }),
    ]);

    const run = await h.run('quotes');

    expect(run.status).toBe('Completed');
    expect(run.counts).toMatchObject({ created: 3, failed: 0 });
    expect(line(h, 'QUO-DATES', 1)).toMatchObject({ RequestedReceiptDate: '2020-01-01T12:00:00Z' });
    expect(line(h, 'QUO-DATES', 2)).toMatchObject({ RequestedReceiptDate: '2026-07-01T12:00:00Z' });
  });
});

describe("Microsoft's price and discount rules", () => {
  it('the Price, Discount, Charge, and Tax fields are mastered and handled by Finance and Operations: a new line gets F&O’s price, and a price changed in F&O survives the next sync', async () => {
    const h = await withParentsSynced(emulator);
    // Sales quotes 80 and 1; F&O sells D0001 at 100 and D0002 at 25.50.
    addQuote(h, quote('QUO-PRICE', { statecode: 1 }), [detail('QUO-PRICE', 1, 'D0001', { priceperunit: 80 })]);

    expect((await h.run('quotes')).counts).toMatchObject({ created: 2, failed: 0 });
    expect(line(h, 'QUO-PRICE', 1)).toMatchObject({ SalesPrice: 100, LineAmount: 200 });

    // Finance changes the price in F&O; the salesperson then changes the quantity and adds a line.
    h.emulator.finops
      .entity('SalesQuotationLines')
      .update({ dataAreaId: 'usmf', SalesQuotationNumber: 'QUO-PRICE', LineNumber: 1 }, { SalesPrice: 90 });
    h.emulator.sales.table('quotedetails').update(String(detailOf(h, 'QUO-PRICE', 1)['quotedetailid']), {
      quantity: 3,
      priceperunit: 75,
    });
    h.emulator.sales.table('quotedetails').insert(detail('QUO-PRICE', 2, 'D0002', { priceperunit: 1 }));

    const again = await h.run('quotes');

    expect(again.counts).toMatchObject({ created: 1, updated: 1, failed: 0 });
    expect(line(h, 'QUO-PRICE', 1)).toMatchObject({ RequestedSalesQuantity: 3, SalesPrice: 90, LineAmount: 270 });
    expect(line(h, 'QUO-PRICE', 2)).toMatchObject({ SalesPrice: 25.5 });
  });

  it('the line item discount from Sales goes to Finance and Operations, which reads the discount as a per-unit discount', async () => {
    const h = await withParentsSynced(emulator);
    addQuote(h, quote('QUO-DISC', { statecode: 1 }), [
      detail('QUO-DISC', 1, 'D0001', { quantity: 4, manualdiscountamount: 10 }),
      detail('QUO-DISC', 2, 'D0002'),
    ]);

    expect((await h.run('quotes')).counts).toMatchObject({ created: 3, failed: 0 });

    // Sales (Discount calculation method: Per unit) and F&O agree: 4 × (100 − 10).
    expect(detailOf(h, 'QUO-DISC', 1)['extendedamount']).toBe(360);
    expect(line(h, 'QUO-DISC', 1)).toMatchObject({ LineDiscountAmount: 10, SalesPrice: 100, LineAmount: 360 });
    expect(line(h, 'QUO-DISC', 2)).toMatchObject({ LineDiscountAmount: 0, LineAmount: 51 });
  });
});

describe("Microsoft's QuoteHeader delivery address rules", () => {
  it('maps the ship-to address to the delivery address, the country as its ISO code', async () => {
    const h = await withParentsSynced(emulator);
    addQuote(
      h,
      quote('QUO-SHIP', {
        statecode: 1,
        shipto_name: 'Contoso warehouse',
        shipto_line1: '1 Microsoft Way',
        shipto_line2: 'Dock 4',
        shipto_city: 'Redmond',
        shipto_stateorprovince: 'WA',
        shipto_postalcode: '98052',
        shipto_country: 'United States',
      }),
      [detail('QUO-SHIP', 1, 'D0001')],
    );

    expect((await h.run('quotes')).status).toBe('Completed');
    expect(header(h, 'QUO-SHIP')).toMatchObject({
      DeliveryAddressName: 'Contoso warehouse',
      DeliveryAddressStreet: '1 Microsoft Way\nDock 4',
      DeliveryAddressCity: 'Redmond',
      DeliveryAddressStateId: 'WA',
      DeliveryAddressZipCode: '98052',
      DeliveryAddressCountryRegionISOCode: 'USA',
    });
  });

  it('The Address Country region code field is required in Finance and Operations; there is no default template value for DeliveryAddressCountryRegionISOCode', async () => {
    const h = await withParentsSynced(emulator);
    addQuote(h, quote('QUO-NOWHERE', { statecode: 1, shipto_city: 'Redmond', shipto_country: null }), [
      detail('QUO-NOWHERE', 1, 'D0001'),
    ]);

    const run = await h.run('quotes');

    expect(header(h, 'QUO-NOWHERE')).toBeUndefined();
    expect(run).toHaveFailedWith('QUO-NOWHERE', {
      taskId: 'QuoteHeader',
      code: 'DESTINATION_REJECTED',
      message: /Field 'Delivery country\/region' must be filled in\./,
    });
    expect(run).toHaveFailedWith('QUO-NOWHERE|1', { taskId: 'QuoteLine', code: 'PARENT_FAILED' });
  });

  it('you can specify a default value that is used if the field is left blank in Sales', async () => {
    const h = await withParentsSynced(emulator);
    addQuote(h, quote('QUO-LOCAL', { statecode: 1, shipto_country: null }), [detail('QUO-LOCAL', 1, 'D0001')]);

    const run = await h.run('quotes', {
      settings: { QuoteHeader: { defaults: { DeliveryAddressCountryRegionISOCode: 'USA' } } },
    });

    expect(run.status).toBe('Completed');
    expect(header(h, 'QUO-LOCAL')).toMatchObject({ DeliveryAddressCountryRegionISOCode: 'USA' });
  });

  it('In the value map, leave the left side blank and set the right side to the desired country: a blank value equals a value of US', async () => {
    const h = await withParentsSynced(emulator);
    addQuote(h, quote('QUO-BLANK', { statecode: 1, shipto_country: null }), [detail('QUO-BLANK', 1, 'D0001')]);
    addQuote(h, quote('QUO-DE', { statecode: 1, shipto_country: 'Deutschland' }), [detail('QUO-DE', 1, 'D0001')]);

    const run = await h.run('quotes', {
      settings: {
        QuoteHeader: { valueMaps: { DeliveryAddressCountryRegionISOCode: { '': 'US', Deutschland: 'DE' } } },
      },
    });

    expect(run.status).toBe('Completed');
    expect(header(h, 'QUO-BLANK')).toMatchObject({ DeliveryAddressCountryRegionISOCode: 'USA' });
    expect(header(h, 'QUO-DE')).toMatchObject({ DeliveryAddressCountryRegionISOCode: 'DEU' });
  });
});

describe("Microsoft's terms rule", () => {
  it("The Payment terms, Freight terms, Delivery terms, Shipping method, and Delivery mode fields aren't part of the default mappings: they map only through a value mapping you set up", async () => {
    const seed = baseSeed();
    const h = await startHarness(
      emulator,
      { ...seed, finops: { ...seed.finops, paymentTerms: ['Net30'], deliveryTerms: ['FOB'], deliveryModes: ['10'] } },
      { plugins },
    );
    await h.run('accounts');
    await h.run('products');
    const terms = { paymenttermscode: 1, freighttermscode: 1, shippingmethodcode: 3 };
    addQuote(h, quote('QUO-TERMS', { statecode: 1, ...terms }), [detail('QUO-TERMS', 1, 'D0001')]);
    addQuote(h, quote('QUO-LATER', { statecode: 1, ...terms, paymenttermscode: 4 }), [detail('QUO-LATER', 1, 'D0001')]);

    // Without a value map F&O gets no terms.
    expect((await h.run('quotes')).status).toBe('Completed');
    expect(header(h, 'QUO-LATER')).toMatchObject({ PaymentTermsName: '', DeliveryTermsCode: '', DeliveryModeCode: '' });

    const mapped = await h.run('quotes', {
      settings: {
        QuoteHeader: {
          valueMaps: {
            PaymentTermsName: { 'Net 30': 'Net30', 'Net 60': 'Net60' },
            DeliveryTermsCode: { FOB: 'FOB' },
            DeliveryModeCode: { FedEx: '10' },
          },
        },
      },
    });

    expect(header(h, 'QUO-TERMS')).toMatchObject({
      PaymentTermsName: 'Net30',
      DeliveryTermsCode: 'FOB',
      DeliveryModeCode: '10',
    });
    // The value map is the organizations' own: F&O refuses terms its company does not have.
    expect(mapped).toHaveFailedWith('QUO-LATER', {
      code: 'DESTINATION_REJECTED',
      message: /The value 'Net60' in field 'Terms of payment' is not found in the relating table 'Terms of payment'\./,
    });
  });
});
