import { describe, expect, it } from 'vitest';
import { Redactor } from './Redactor.js';

describe('Redactor', () => {
  it('masks every occurrence of a known secret', () => {
    const redactor = new Redactor();
    redactor.add('s3cr3t-Value');
    expect(redactor.redact('tried s3cr3t-Value, then s3cr3t-Value again')).toBe('tried ***, then *** again');
  });

  it('ignores missing and very short secrets, which would mangle ordinary text', () => {
    const redactor = new Redactor();
    redactor.add(undefined);
    redactor.add('');
    redactor.add('abc');
    expect(redactor.redact('abc and more')).toBe('abc and more');
  });

  it('masks bearer tokens', () => {
    const redactor = new Redactor();
    expect(redactor.redact('Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.sig-_n+/w==')).toBe(
      'Authorization: Bearer ***',
    );
    expect(redactor.redact('authorization: bearer abc.def')).toBe('authorization: bearer ***');
  });

  it('masks secrets in form bodies and keeps the other fields', () => {
    const body =
      'grant_type=client_credentials&client_id=11111111-2222&client_secret=Ab~c.d_e-F&scope=https://x/.default';
    expect(new Redactor().redact(body)).toBe(
      'grant_type=client_credentials&client_id=11111111-2222&client_secret=***&scope=https://x/.default',
    );
  });

  it('masks secrets and tokens in JSON', () => {
    const redactor = new Redactor();
    expect(redactor.redact('{"clientSecret":"Ab~c.d_e","tenantId":"contoso"}')).toBe(
      '{"clientSecret":"***","tenantId":"contoso"}',
    );
    expect(redactor.redact('{ "client_secret" : "xyz" }')).toBe('{ "client_secret" : "***" }');
    expect(redactor.redact('{"token_type":"Bearer","access_token":"eyJ0eXAi.x.y","expires_in":3599}')).toBe(
      '{"token_type":"Bearer","access_token":"***","expires_in":3599}',
    );
    expect(redactor.redact('{"refresh_token":"r1","password":"hunter2"}')).toBe(
      '{"refresh_token":"***","password":"***"}',
    );
  });

  it('leaves text without credentials alone', () => {
    const text = "CustomersV3: customer group '99' does not exist in usmf (ACC-01000-BVRCPS)";
    expect(new Redactor().redact(text)).toBe(text);
  });

  it('masks the user info of a URL, and only that', () => {
    expect(
      new Redactor().redact('GET https://p2c-user:Pa55-w0rd@contoso.crm.dynamics.com/api/data/v9.2/accounts failed'),
    ).toBe('GET https://***@contoso.crm.dynamics.com/api/data/v9.2/accounts failed');
    expect(new Redactor().redact('mailto:ops@example.com https://contoso.crm.dynamics.com/x@y')).toBe(
      'mailto:ops@example.com https://contoso.crm.dynamics.com/x@y',
    );
  });
});
