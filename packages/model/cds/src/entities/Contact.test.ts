import { describe, expect, it } from 'vitest';
import { contactFields, contactSchema } from './Contact.js';

describe('CDS Contact', () => {
  it('accepts a minimal contact and fills the optional fields with null', () => {
    const contact = contactSchema.parse({
      ContactNumber: 'CON-01000-BVRCPS',
      LastName: 'Reyes',
      Organization_OrganizationId: 'ORG001',
    });
    expect(contact.FirstName).toBeNull();
    expect(contact.ParentCustomer_AccountNumber).toBeNull();
    expect(contact.IsActiveCustomer).toBeNull();
  });

  it('names the field that is wrong', () => {
    const result = contactSchema.safeParse({
      ContactNumber: '',
      LastName: 'x'.repeat(51),
      Organization_OrganizationId: 'ORG001',
      CurrencyCode: 'EURO',
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['ContactNumber', 'LastName', 'CurrencyCode']));
    expect(result.error!.issues.find((i) => i.path[0] === 'ContactNumber')!.message).toBe(
      'a contact needs a contact number',
    );
  });

  it('says what is missing when a mapping left the last name blank', () => {
    const result = contactSchema.safeParse({
      ContactNumber: 'CON-1',
      LastName: null,
      Organization_OrganizationId: 'ORG001',
    });
    expect(result.error!.issues[0]!.message).toBe('a contact needs a last name');
  });

  it('lists its fields', () => {
    expect(contactFields).toContain('Organization_OrganizationId');
    expect(contactFields).toContain('ParentCustomer_AccountNumber');
  });
});
