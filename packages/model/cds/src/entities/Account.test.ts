import { describe, expect, it } from 'vitest';
import { accountFields, accountSchema } from './Account.js';

describe('CDS Account', () => {
  it('accepts a minimal account and fills the optional fields with null', () => {
    const account = accountSchema.parse({
      AccountNumber: 'ACC-01000-BVRCPS',
      Name: 'Contoso',
      Organization_OrganizationId: 'ORG001',
    });
    expect(account.Address1_Country).toBeNull();
    expect(account.CreditLimit).toBeNull();
  });

  it('names the field that is wrong', () => {
    const result = accountSchema.safeParse({
      AccountNumber: '',
      Name: 'x'.repeat(161),
      Organization_OrganizationId: 'ORG001',
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['AccountNumber', 'Name']));
    expect(result.error!.issues.find((i) => i.path[0] === 'AccountNumber')!.message).toBe(
      'an account needs an account number',
    );
  });

  it('says what is missing when a mapping left a required field blank', () => {
    const result = accountSchema.safeParse({
      AccountNumber: 'ACC-1',
      Name: null,
      Organization_OrganizationId: 'ORG001',
    });
    expect(result.error!.issues[0]!.message).toBe('an account needs a name');
  });

  it('lists its fields', () => {
    expect(accountFields).toContain('Organization_OrganizationId');
    expect(accountFields).toContain('Address2_Country');
  });
});
