import { describe, expect, it } from 'vitest';
import { RecordError } from '../errors/index.js';
import { applyMapping, type MappingResult } from './applyMapping.js';
import type { FieldMapping, Mapping } from './Mapping.js';
import type { NamedTransform } from './Transform.js';

const mappingOf = (...fields: FieldMapping[]): Mapping => ({ name: 'Source > CDS', fields });

function valueOf(result: MappingResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`expected success, got: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.value;
}

function errorsOf(result: MappingResult): RecordError[] {
  if (result.ok) throw new Error(`expected failure, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

const paymentTerms: FieldMapping = {
  target: 'PaymentTerms',
  source: 'paymenttermscode',
  transforms: [{ transformType: 'ValueMap', valueMap: { '1': 'Net30', '3': 'Net45' } }],
};

describe('applyMapping', () => {
  it('copies fields to their targets, keeping numbers and booleans', () => {
    const mapping = mappingOf(
      { target: 'Name', source: 'name' },
      { target: 'NumberOfEmployees', source: 'numberofemployees' },
      { target: 'CreditOnHold', source: 'creditonhold' },
    );
    const result = applyMapping(mapping, { name: 'Contoso', numberofemployees: 0, creditonhold: false, ignored: 'x' });
    expect(valueOf(result)).toEqual({ Name: 'Contoso', NumberOfEmployees: 0, CreditOnHold: false });
  });

  it('gives null for a missing or blank source field', () => {
    const mapping = mappingOf({ target: 'Fax', source: 'fax' }, { target: 'Phone', source: 'telephone1' });
    expect(valueOf(applyMapping(mapping, { telephone1: '   ' }))).toEqual({ Fax: null, Phone: null });
  });

  it('reads dotted paths through expanded lookups', () => {
    const mapping = mappingOf({ target: 'CurrencyCode', source: 'transactioncurrencyid.isocurrencycode' });
    expect(valueOf(applyMapping(mapping, { transactioncurrencyid: { isocurrencycode: 'USD' } }))).toEqual({
      CurrencyCode: 'USD',
    });
    expect(valueOf(applyMapping(mapping, { transactioncurrencyid: null }))).toEqual({ CurrencyCode: null });
    expect(valueOf(applyMapping(mapping, {}))).toEqual({ CurrencyCode: null });
  });

  it('fails a field whose source is an object rather than a single value', () => {
    const mapping = mappingOf({ target: 'CurrencyCode', source: 'transactioncurrencyid' });
    const [error] = errorsOf(applyMapping(mapping, { transactioncurrencyid: { isocurrencycode: 'USD' } }));
    expect(error).toBeInstanceOf(RecordError);
    expect(error).toMatchObject({ code: 'NOT_A_SCALAR', field: 'CurrencyCode' });
  });

  describe('Default', () => {
    const customerGroup = mappingOf({
      target: 'CustomerGroupId',
      source: 'group',
      transforms: [{ transformType: 'Default', value: '10' }],
    });

    it.each([
      ['null', null],
      ['missing', undefined],
      ['empty', ''],
      ['whitespace', ' \t '],
    ])('is used when the input is blank (%s)', (_, group) => {
      expect(valueOf(applyMapping(customerGroup, { group }))).toEqual({ CustomerGroupId: '10' });
    });

    it.each([
      ['a value', '20', '20'],
      ['zero', 0, 0],
      ['false', false, false],
    ])('is not used when the input has a value (%s)', (_, group, expected) => {
      expect(valueOf(applyMapping(customerGroup, { group }))).toEqual({ CustomerGroupId: expected });
    });

    it('gives a constant to a field with no source', () => {
      const mapping = mappingOf({
        target: 'PartyType',
        transforms: [{ transformType: 'Default', value: 'Organization' }],
      });
      expect(valueOf(applyMapping(mapping, { PartyType: 'Person' }))).toEqual({ PartyType: 'Organization' });
    });
  });

  describe('ValueMap', () => {
    it('maps a value found on its left side, matching numbers by their text', () => {
      expect(valueOf(applyMapping(mappingOf(paymentTerms), { paymenttermscode: 3 }))).toEqual({
        PaymentTerms: 'Net45',
      });
      expect(valueOf(applyMapping(mappingOf(paymentTerms), { paymenttermscode: '1' }))).toEqual({
        PaymentTerms: 'Net30',
      });
    });

    it('fails the record on a value it does not map, naming the field and the value', () => {
      const [error] = errorsOf(applyMapping(mappingOf(paymentTerms), { paymenttermscode: 4 }));
      expect(error).toBeInstanceOf(RecordError);
      expect(error).toMatchObject({ kind: 'record', code: 'VALUE_MAP_MISS', field: 'PaymentTerms', value: '4' });
      expect(error!.message).toContain('PaymentTerms');
      expect(error!.message).toContain("'4'");
    });

    it('uses the blank left side for blank input and for unmatched input', () => {
      const mapping = mappingOf({
        target: 'DeliveryMode',
        source: 'address1_shippingmethodcode',
        transforms: [{ transformType: 'ValueMap', valueMap: { '4': 'UPS', '': 'Truck' } }],
      });
      const map = (address1_shippingmethodcode: unknown) =>
        valueOf(applyMapping(mapping, { address1_shippingmethodcode })).DeliveryMode;
      expect(map(4)).toBe('UPS');
      expect(map(7)).toBe('Truck');
      expect(map(null)).toBe('Truck');
      expect(map('  ')).toBe('Truck');
    });

    it('leaves blank input blank when there is no blank left side', () => {
      expect(valueOf(applyMapping(mappingOf(paymentTerms), { paymenttermscode: null }))).toEqual({
        PaymentTerms: null,
      });
      expect(valueOf(applyMapping(mappingOf(paymentTerms), { paymenttermscode: '' }))).toEqual({ PaymentTerms: null });
    });

    it('lets a later Default fill what the map left blank', () => {
      const mapping = mappingOf({
        target: 'PaymentTerms',
        source: 'paymenttermscode',
        transforms: [...paymentTerms.transforms!, { transformType: 'Default', value: 'Net10' }],
      });
      expect(valueOf(applyMapping(mapping, { paymenttermscode: null }))).toEqual({ PaymentTerms: 'Net10' });
    });
  });

  describe('Truncate', () => {
    const name = mappingOf({
      target: 'OrganizationName',
      source: 'name',
      transforms: [{ transformType: 'Truncate', length: 5 }],
    });

    it('cuts text longer than the length', () => {
      expect(valueOf(applyMapping(name, { name: 'Contoso Ltd' }))).toEqual({ OrganizationName: 'Conto' });
    });

    it('leaves shorter text and non-text values alone', () => {
      expect(valueOf(applyMapping(name, { name: 'Fabri' }))).toEqual({ OrganizationName: 'Fabri' });
      expect(valueOf(applyMapping(name, { name: 1234567 }))).toEqual({ OrganizationName: 1234567 });
    });

    it('runs in the order declared', () => {
      const mapping = mappingOf({
        target: 'Code',
        source: 'code',
        transforms: [
          { transformType: 'Truncate', length: 2 },
          { transformType: 'ValueMap', valueMap: { AB: 'first two letters' } },
        ],
      });
      expect(valueOf(applyMapping(mapping, { code: 'ABCD' }))).toEqual({ Code: 'first two letters' });
    });
  });

  describe('Function', () => {
    it('calls the named transform with the value, the target field and the whole record', () => {
      const seen: unknown[] = [];
      const countryRegion: NamedTransform = (value, context) => {
        seen.push([value, context.field, context.record]);
        return value === 'United States' ? 'USA' : value;
      };
      const mapping = mappingOf({
        target: 'AddressCountryRegionISOCode',
        source: 'address1_country',
        transforms: [{ transformType: 'Function', name: 'CountryRegionCode' }],
      });
      const input = { address1_country: 'United States' };
      expect(valueOf(applyMapping(mapping, input, { CountryRegionCode: countryRegion }))).toEqual({
        AddressCountryRegionISOCode: 'USA',
      });
      expect(seen).toEqual([['United States', 'AddressCountryRegionISOCode', input]]);
    });

    it('refuses a mapping that names a transform nothing provides', () => {
      const mapping = mappingOf({
        target: 'X',
        source: 'x',
        transforms: [{ transformType: 'Function', name: 'Nowhere' }],
      });
      expect(() => applyMapping(mapping, { x: 'a' })).toThrow(/'Nowhere'/);
    });

    it('lets an unexpected error out rather than blaming the record', () => {
      const broken: NamedTransform = () => {
        throw new TypeError('bug in a transform');
      };
      const mapping = mappingOf({
        target: 'X',
        source: 'x',
        transforms: [{ transformType: 'Function', name: 'Broken' }],
      });
      expect(() => applyMapping(mapping, { x: 'a' }, { Broken: broken })).toThrow(TypeError);
    });
  });

  it('reports every error of a record together', () => {
    const rejectAll: NamedTransform = (value, { field }) => {
      throw new RecordError(`${field}: '${String(value)}' is not allowed`, { code: 'NOT_ALLOWED', field });
    };
    const mapping = mappingOf(
      paymentTerms,
      { target: 'Name', source: 'name' },
      {
        target: 'FreightTerms',
        source: 'freight',
        transforms: [{ transformType: 'ValueMap', valueMap: { '1': 'FOB' } }],
      },
      { target: 'Country', source: 'country', transforms: [{ transformType: 'Function', name: 'RejectAll' }] },
    );
    const errors = errorsOf(
      applyMapping(
        mapping,
        { paymenttermscode: 9, name: 'ok', freight: 2, country: 'Atlantis' },
        { RejectAll: rejectAll },
      ),
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['PaymentTerms', 'VALUE_MAP_MISS'],
      ['FreightTerms', 'VALUE_MAP_MISS'],
      ['Country', 'NOT_ALLOWED'],
    ]);
  });

  it('leaves out fields that are only mapped with a value map', () => {
    const mapping = mappingOf({ target: 'Name', source: 'name' }, { ...paymentTerms, onlyWithValueMap: true });
    const value = valueOf(applyMapping(mapping, { name: 'Contoso', paymenttermscode: 99 }));
    expect(value).toEqual({ Name: 'Contoso' });
    expect(value).not.toHaveProperty('PaymentTerms');
  });
});
