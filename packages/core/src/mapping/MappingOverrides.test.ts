import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/thrownBy.js';
import { ConfigError } from '../errors/index.js';
import { applyMapping } from './applyMapping.js';
import type { Mapping } from './Mapping.js';
import { mappingOverridesSchema, withOverrides, type MappingOverrides } from './MappingOverrides.js';

const WHERE = 'templates.accounts.tasks.Accounts - Account - Customers';

const toDestination: Mapping = {
  name: 'CDS > Destination',
  fields: [
    { target: 'OrganizationName', source: 'Name' },
    { target: 'CustomerGroupId', source: 'CustomerGroup', transforms: [{ transformType: 'Default', value: '10' }] },
    {
      target: 'PaymentTerms',
      source: 'PaymentTerms',
      onlyWithValueMap: true,
      transforms: [{ transformType: 'ValueMap', valueMap: { 'Net 30': 'Net30' } }],
    },
  ],
};

const overrides = (input: Partial<MappingOverrides>): MappingOverrides => mappingOverridesSchema.parse(input);

function mapOne(mapping: Mapping, input: Record<string, unknown>): Record<string, unknown> {
  const result = applyMapping(mapping, input);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.value;
}

describe('withOverrides', () => {
  it('parses an empty configuration to no overrides', () => {
    expect(mappingOverridesSchema.parse({})).toEqual({ defaults: {}, valueMaps: {} });
  });

  it("replaces the template's default with the configured one", () => {
    const [mapping] = withOverrides([toDestination], overrides({ defaults: { CustomerGroupId: '30' } }), WHERE);
    expect(mapOne(mapping!, { Name: 'Contoso', CustomerGroup: null })).toMatchObject({ CustomerGroupId: '30' });
    expect(mapOne(mapping!, { Name: 'Contoso', CustomerGroup: '20' })).toMatchObject({ CustomerGroupId: '20' });
    const field = mapping!.fields.find((f) => f.target === 'CustomerGroupId')!;
    expect(field.transforms!.filter((t) => t.transformType === 'Default')).toHaveLength(1);
  });

  it('puts a configured value map before the default, so a blank still takes the default', () => {
    const [mapping] = withOverrides(
      [toDestination],
      overrides({ valueMaps: { CustomerGroupId: { Wholesale: '40', Retail: '50' } } }),
      WHERE,
    );
    expect(mapOne(mapping!, { CustomerGroup: 'Retail' })).toMatchObject({ CustomerGroupId: '50' });
    expect(mapOne(mapping!, { CustomerGroup: '' })).toMatchObject({ CustomerGroupId: '10' });
    expect(applyMapping(mapping!, { CustomerGroup: 'Export' })).toMatchObject({
      ok: false,
      errors: [expect.objectContaining({ code: 'VALUE_MAP_MISS', field: 'CustomerGroupId', value: 'Export' })],
    });
  });

  it("maps the value as it arrives: a configured value map goes before the field's function", () => {
    const toCountry: Mapping = {
      name: 'CDS > Destination',
      fields: [
        {
          target: 'DeliveryAddressCountryRegionISOCode',
          source: 'ShipToCountry',
          transforms: [{ transformType: 'Function', name: 'CountryRegionCode' }],
        },
      ],
    };
    const [mapping] = withOverrides(
      [toCountry],
      overrides({ valueMaps: { DeliveryAddressCountryRegionISOCode: { '': 'US', Deutschland: 'DE' } } }),
      WHERE,
    );
    const iso = { CountryRegionCode: (value: unknown) => (value === 'US' ? 'USA' : value === 'DE' ? 'DEU' : null) };
    const country = (ShipToCountry: string | null) => {
      const result = applyMapping(mapping!, { ShipToCountry }, iso);
      return result.ok ? result.value['DeliveryAddressCountryRegionISOCode'] : result.errors;
    };
    expect(country(null)).toBe('USA');
    expect(country('Deutschland')).toBe('DEU');
    expect(mapping!.fields[0]!.transforms!.map((t) => t.transformType)).toEqual(['ValueMap', 'Function']);
  });

  it("replaces the template's value map rather than adding a second one", () => {
    const [mapping] = withOverrides(
      [toDestination],
      overrides({ valueMaps: { PaymentTerms: { 'Net 30': 'N30' } } }),
      WHERE,
    );
    const field = mapping!.fields.find((f) => f.target === 'PaymentTerms')!;
    expect(field.transforms).toEqual([{ transformType: 'ValueMap', valueMap: { 'Net 30': 'N30' } }]);
  });

  it("puts the configured value map where the template's was, before a bind that reads its result", () => {
    const [mapping] = withOverrides(
      [
        {
          name: 'price list',
          fields: [
            {
              target: 'pricelevelid@odata.bind',
              source: 'CurrencyCode',
              transforms: [
                { transformType: 'ValueMap', valueMap: { USD: 'Sample' } },
                { transformType: 'Function', name: 'PriceListNameBind' },
              ],
            },
          ],
        },
      ],
      overrides({ valueMaps: { 'pricelevelid@odata.bind': { USD: 'Retail' } } }),
      WHERE,
    );
    expect(mapping!.fields[0]!.transforms).toEqual([
      { transformType: 'ValueMap', valueMap: { USD: 'Retail' } },
      { transformType: 'Function', name: 'PriceListNameBind' },
    ]);
  });

  it('switches on a field that is only mapped with a value map, by a value map or by a default', () => {
    const input = { Name: 'Contoso', PaymentTerms: 'Net 30' };
    expect(mapOne(withOverrides([toDestination], overrides({}), WHERE)[0]!, input)).not.toHaveProperty('PaymentTerms');

    const byMap = withOverrides(
      [toDestination],
      overrides({ valueMaps: { PaymentTerms: { 'Net 30': 'N30' } } }),
      WHERE,
    );
    expect(mapOne(byMap[0]!, input)).toMatchObject({ PaymentTerms: 'N30' });

    const byDefault = withOverrides([toDestination], overrides({ defaults: { PaymentTerms: 'Net30' } }), WHERE);
    expect(mapOne(byDefault[0]!, { Name: 'Contoso', PaymentTerms: null })).toMatchObject({ PaymentTerms: 'Net30' });
  });

  it('leaves the template its own mappings unchanged', () => {
    const before = structuredClone(toDestination);
    withOverrides([toDestination], overrides({ defaults: { CustomerGroupId: '30', PaymentTerms: 'x' } }), WHERE);
    expect(toDestination).toEqual(before);
  });

  it.each(['defaults', 'valueMaps'] as const)(
    'refuses an unknown field in %s, naming the path and the fields that can be set',
    (kind) => {
      const configured =
        kind === 'defaults' ? { defaults: { CustomerGroup: '10' } } : { valueMaps: { CustomerGroup: { a: 'b' } } };
      const error = thrownBy(() => withOverrides([toDestination], overrides(configured), WHERE));
      expect(error).toBeInstanceOf(ConfigError);
      expect(error).toMatchObject({
        kind: 'config',
        code: 'UNKNOWN_MAPPED_FIELD',
        message: `${WHERE}.${kind}.CustomerGroup: no mapping produces 'CustomerGroup'. Fields you can set: CustomerGroupId, OrganizationName, PaymentTerms`,
      });
    },
  );

  it('sets a field that both legs produce in the leg nearest the destination only', () => {
    const toCanonical: Mapping = {
      name: 'Source > CDS',
      fields: [
        {
          target: 'PaymentTerms',
          source: 'paymenttermscode',
          transforms: [{ transformType: 'ValueMap', valueMap: { '1': 'Net 30' } }],
        },
      ],
    };
    const [canonical, destination] = withOverrides(
      [toCanonical, toDestination],
      overrides({ valueMaps: { PaymentTerms: { 'Net 30': 'Net30' } }, defaults: { PaymentTerms: 'Net10' } }),
      WHERE,
    );
    expect(canonical).toEqual(toCanonical);
    const value = mapOne(destination!, mapOne(canonical!, { paymenttermscode: 1 }));
    expect(value).toMatchObject({ PaymentTerms: 'Net30' });
  });

  it('accepts a field produced by either leg of a task', () => {
    const toCanonical: Mapping = { name: 'Source > CDS', fields: [{ target: 'Organization_OrganizationId' }] };
    const [canonical] = withOverrides(
      [toCanonical, toDestination],
      overrides({ defaults: { Organization_OrganizationId: 'ORG002' } }),
      WHERE,
    );
    expect(mapOne(canonical!, {})).toEqual({ Organization_OrganizationId: 'ORG002' });
  });
});
