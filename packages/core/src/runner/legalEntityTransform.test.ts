import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/thrownBy.js';
import { RecordError } from '../errors/index.js';
import { legalEntityTransform } from './legalEntityTransform.js';

const context = { field: 'dataAreaId', record: {} };

describe('legalEntityTransform', () => {
  const toLegalEntity = legalEntityTransform({ ORG001: 'usmf', org002: 'DEMF' });

  it('turns a CDS organization id into its legal entity, whatever the case', () => {
    expect(toLegalEntity('ORG001', context)).toBe('usmf');
    expect(toLegalEntity('org001', context)).toBe('usmf');
    expect(toLegalEntity('ORG002', context)).toBe('DEMF');
  });

  it('leaves a blank organization blank', () => {
    expect(toLegalEntity(null, context)).toBeNull();
    expect(toLegalEntity('  ', context)).toBeNull();
  });

  it('fails the record on an organization the map does not have, naming it and the field', () => {
    const error = thrownBy(() => toLegalEntity('ORG999', context));
    expect(error).toBeInstanceOf(RecordError);
    expect(error).toMatchObject({
      code: 'NO_ORGANIZATION_MAP',
      field: 'dataAreaId',
      value: 'ORG999',
      message: "dataAreaId: organization 'ORG999' has no legal entity in the organization map (config: organizations)",
    });
  });
});
