import { describe, expect, it } from 'vitest';
import { comparableRecordId, formatRecordId, parseRecordId } from './recordId.js';

const KEY = ['dataAreaId', 'CustomerAccount'];

describe('record ids', () => {
  it('joins the key values, the company in lower case', () => {
    expect(
      formatRecordId({ dataAreaId: 'USMF', CustomerAccount: 'ACC-01000-X', OrganizationName: 'Contoso' }, KEY),
    ).toBe('usmf|ACC-01000-X');
  });

  it('reads the key values back, the last one taking any further |', () => {
    expect(parseRecordId("usmf|O'Brien", KEY)).toEqual(['usmf', "O'Brien"]);
    expect(parseRecordId('usmf|A|B', KEY)).toEqual(['usmf', 'A|B']);
    expect(parseRecordId('ACC-01000-X', KEY)).toBeNull();
    expect(parseRecordId('anything', [])).toBeNull();
  });

  it('compares without regard to case', () => {
    expect(comparableRecordId('usmf|acc-1')).toBe(comparableRecordId('USMF|ACC-1'));
  });
});
