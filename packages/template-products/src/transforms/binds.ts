import { isBlank, type NamedTransform } from '@p2c/core';

/** A text inside an OData key literal: `'` is written twice. */
export function keyLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** `<nav>@odata.bind` to a row of `entitySet` by its alternate key `column`: `/uoms(name='Each')`. */
export function bindByKey(entitySet: string, column: string): NamedTransform {
  return (value) => (isBlank(value) ? null : `/${entitySet}(${column}=${keyLiteral(String(value).trim())})`);
}

/** The unit, by its name in Sales (the CDS Product's `DefaultUnit`). */
export const unitBind = bindByKey('uoms', 'name');

/** The product, by its product number. */
export const productBind = bindByKey('products', 'productnumber');
