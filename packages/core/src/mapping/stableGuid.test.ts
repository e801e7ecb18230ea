import { describe, expect, it } from 'vitest';
import { stableGuid } from './stableGuid.js';

describe('stableGuid', () => {
  it('gives the same version-5 GUID for the same parts, whatever their case, and another for other parts', () => {
    const id = stableGuid('SO-1', '1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableGuid('so-1 ', '1')).toBe(id);
    expect(stableGuid('SO-1', '2')).not.toBe(id);
    expect(stableGuid('SO-11')).not.toBe(stableGuid('SO-1', '1'));
  });
});
