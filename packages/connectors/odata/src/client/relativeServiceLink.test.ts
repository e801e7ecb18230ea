import { describe, expect, it } from 'vitest';
import { relativeServiceLink } from './relativeServiceLink.js';

const SERVICE = 'https://contoso.crm.dynamics.com/api/data/v9.2';

describe('relativeServiceLink', () => {
  it('keeps the path and query below the service root, whatever the host was called', () => {
    const token = '$deltatoken=919042%2108%2f22%2f2017%2008%3a10%3a44';
    expect(relativeServiceLink(`${SERVICE}/accounts?${token}`, SERVICE)).toBe(`accounts?${token}`);
    expect(relativeServiceLink(`https://contoso.crm4.dynamics.com:443/API/data/v9.2/accounts?${token}`, SERVICE)).toBe(
      `accounts?${token}`,
    );
  });

  it('leaves out the user info of an absolute link', () => {
    expect(relativeServiceLink('https://user:pw@contoso.crm.dynamics.com/api/data/v9.2/accounts?x=1', SERVICE)).toBe(
      'accounts?x=1',
    );
  });

  it('takes a relative link as it is', () => {
    expect(relativeServiceLink('accounts?$deltatoken=1', SERVICE)).toBe('accounts?$deltatoken=1');
  });

  it('gives nothing for a link outside the service path', () => {
    expect(relativeServiceLink('https://contoso.crm.dynamics.com/api/data/v9.1/accounts?x=1', SERVICE)).toBeUndefined();
  });
});
