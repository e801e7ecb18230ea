import { describe, expect, it } from 'vitest';
import { parseResourcePath } from './parseResourcePath.js';

describe('parseResourcePath', () => {
  it('reads a GUID key', () => {
    expect(parseResourcePath('accounts(6F9619FF-8B86-D011-B42D-00C04FC964FF)')).toMatchObject({
      entitySet: 'accounts',
      key: { kind: 'single', value: '6f9619ff-8b86-d011-b42d-00c04fc964ff' },
      rest: [],
    });
  });

  it('reads named keys in any order, with doubled quotes and parentheses inside literals', () => {
    const path = parseResourcePath("CustomersV3(CustomerAccount='O''Hara (1), Inc',dataAreaId='usmf')/$count");
    expect(path.entitySet).toBe('CustomersV3');
    expect(path.key?.kind === 'named' && Object.fromEntries(path.key.values)).toEqual({
      CustomerAccount: "O'Hara (1), Inc",
      dataAreaId: 'usmf',
    });
    expect(path.rest).toEqual(['$count']);
  });

  it('refuses a quote that is not doubled', () => {
    expect(() => parseResourcePath("accounts(accountnumber='O'Hara')")).toThrow('is not valid');
  });

  it('reads a collection path without a key', () => {
    expect(parseResourcePath('accounts')).toEqual({ entitySet: 'accounts', rest: [] });
  });
});
