import { describe, expect, it } from 'vitest';
import { rowHash } from './rowHash.js';

describe('rowHash', () => {
  const row = { CustomerAccount: 'ACC-01000-BVRCPS', dataAreaId: 'usmf', CreditLimit: 5000, Blocked: false, Fax: null };

  it('does not depend on the order of the fields', () => {
    const reordered = {
      Fax: null,
      Blocked: false,
      CreditLimit: 5000,
      dataAreaId: 'usmf',
      CustomerAccount: 'ACC-01000-BVRCPS',
    };
    expect(rowHash(reordered)).toBe(rowHash(row));
    expect(rowHash({ a: { y: 1, x: 2 } })).toBe(rowHash({ a: { x: 2, y: 1 } }));
  });

  it.each([
    ['a changed value', { ...row, CreditLimit: 5001 }],
    ['a number that became text', { ...row, CreditLimit: '5000' }],
    ['a cleared value', { ...row, CreditLimit: null }],
    ['a flipped flag', { ...row, Blocked: true }],
    ['a filled value', { ...row, Fax: '555-0100' }],
    ['a field gone', { CustomerAccount: 'ACC-01000-BVRCPS', dataAreaId: 'usmf', CreditLimit: 5000, Blocked: false }],
    ['a value moved to another field', { ...row, dataAreaId: 'ACC-01000-BVRCPS', CustomerAccount: 'usmf' }],
  ])('changes with %s', (_, changed) => {
    expect(rowHash(changed)).not.toBe(rowHash(row));
  });

  it('treats an undefined field as absent', () => {
    expect(rowHash({ a: 1, b: undefined })).toBe(rowHash({ a: 1 }));
  });

  it('is short, URL-safe text', () => {
    expect(rowHash(row)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
