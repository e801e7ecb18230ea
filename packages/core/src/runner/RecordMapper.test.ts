import { describe, expect, it } from 'vitest';
import { anAccountsTask } from '../../test/builders/anAccountsTask.js';
import { thrownBy } from '../../test/thrownBy.js';
import { ConfigError, RecordError } from '../errors/index.js';
import { mappingOverridesSchema, type MappingOverrides } from '../mapping/index.js';
import { RecordMapper, type MapOutcome } from './RecordMapper.js';

const WHERE = 'templates.accounts.tasks.Accounts - Account - Customers';
const organizations = { ORG001: 'usmf', ORG002: 'demf' };
const noOverrides = mappingOverridesSchema.parse({});

const mapperWith = (overrides: Partial<MappingOverrides> = {}) =>
  new RecordMapper(anAccountsTask(), mappingOverridesSchema.parse(overrides), organizations, WHERE);

const contoso = {
  accountnumber: 'ACC-01000-BVRCPS',
  name: 'Contoso',
  address1_country: 'Germany',
  paymenttermscode: 1,
};

function errorOf(outcome: MapOutcome): RecordError {
  if (outcome.ok) throw new Error(`expected a failure, got ${JSON.stringify(outcome.row)}`);
  return outcome.error;
}

describe('RecordMapper', () => {
  it('maps a source record through the canonical entity to a destination row', () => {
    expect(mapperWith().map(contoso)).toEqual({
      ok: true,
      row: {
        CustomerAccount: 'ACC-01000-BVRCPS',
        OrganizationName: 'Contoso',
        dataAreaId: 'usmf',
        AddressCountryRegionISOCode: 'DEU',
        CustomerGroupId: '10',
      },
    });
  });

  it('fails a record the canonical schema refuses, naming the entity and the field', () => {
    const error = errorOf(mapperWith().map({ ...contoso, name: '' }));
    expect(error).toBeInstanceOf(RecordError);
    expect(error).toMatchObject({ code: 'CANONICAL_INVALID', field: 'Name' });
    expect(error.message).toBe('Account is not valid: Name: an account needs a name');
  });

  it('lists every field the canonical schema refuses', () => {
    const error = errorOf(mapperWith().map({ ...contoso, accountnumber: null, name: 'x'.repeat(21) }));
    expect(error.message).toMatch(/^Account is not valid: /);
    expect(error.message).toContain('AccountNumber: an account needs an account number');
    expect(error.message).toContain('Name: Too big');
  });

  it('reports all the errors of a leg as one record error', () => {
    const mapper = new RecordMapper(anAccountsTask(), noOverrides, {}, WHERE);
    const error = errorOf(mapper.map({ ...contoso, address1_country: 'Atlantis' }));
    expect(error).toBeInstanceOf(RecordError);
    expect(error.message).toBe(
      "dataAreaId: organization 'ORG001' has no legal entity in the organization map (config: organizations); " +
        "AddressCountryRegionISOCode: unknown country 'Atlantis'",
    );
    expect(error).toMatchObject({ code: 'NO_ORGANIZATION_MAP', field: 'dataAreaId', value: 'ORG001' });
  });

  it("applies the configuration's defaults and value maps", () => {
    const mapper = mapperWith({
      defaults: { Organization_OrganizationId: 'ORG002', CustomerGroupId: '30' },
      valueMaps: { PaymentTerms: { 'Net 30': 'Net30', '': 'Net10' } },
    });
    expect(mapper.map(contoso)).toMatchObject({
      ok: true,
      row: { dataAreaId: 'demf', CustomerGroupId: '30', PaymentTerms: 'Net30' },
    });
    expect(mapper.map({ ...contoso, paymenttermscode: null })).toMatchObject({
      ok: true,
      row: { PaymentTerms: 'Net10' },
    });
  });

  it('applies a value map for a field both legs produce to the destination leg, against the canonical value', () => {
    const mapper = mapperWith({ valueMaps: { PaymentTerms: { 'Net 30': 'Net30' } } });
    expect(mapper.map(contoso)).toMatchObject({ ok: true, row: { PaymentTerms: 'Net30' } });
    expect(errorOf(mapper.map({ ...contoso, paymenttermscode: 3 }))).toMatchObject({
      code: 'VALUE_MAP_MISS',
      field: 'PaymentTerms',
      value: 'Net 45',
      message: "PaymentTerms: no value map entry for 'Net 45'",
    });
  });

  it('refuses, when built, a configuration naming a field no mapping produces', () => {
    const error = thrownBy(() => mapperWith({ valueMaps: { PaymentTerm: { '1': 'Net30' } } }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(new RegExp(`^${WHERE}\\.valueMaps\\.PaymentTerm: `));
  });

  it('refuses, when built, a mapping whose transform nothing provides', () => {
    const task = anAccountsTask({ transforms: {} });
    const error = thrownBy(() => new RecordMapper(task, mappingOverridesSchema.parse({}), { ORG001: 'usmf' }, WHERE));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain("transform 'CountryRegionCode', which nothing provides");
  });
});
