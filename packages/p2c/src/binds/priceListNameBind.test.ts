import { describe, expect, it } from 'vitest';
import { PRICE_LISTS } from '../references/priceListsReference.js';
import { priceListNameBind } from './priceListNameBind.js';

const rows = [
  { pricelevelid: 'b2', name: 'Retail USD', statecode: 0 },
  { pricelevelid: 'b1', name: 'Old USD', statecode: 1 },
];
const context = { field: 'pricelevelid@odata.bind', record: {}, references: { [PRICE_LISTS]: rows } };

describe('priceListNameBind', () => {
  it('binds the active price list of that name, without regard to case', () => {
    expect(priceListNameBind('retail usd', context as never)).toBe('/pricelevels(b2)');
  });

  it('fails a name no active list has, and a blank name, so no record goes without a price list', () => {
    expect(() => priceListNameBind('Old USD', context as never)).toThrow(
      /No active price list in Sales is named 'Old USD'/,
    );
    expect(() => priceListNameBind('', context as never)).toThrow(/gives no price list name/);
  });
});
