import { isBlank, type NamedTransform } from '@p2c/core';

/** A text inside an OData key literal: `'` is written twice. */
export function keyLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * A lookup bound by alternate key, as a Web API write names it:
 * `bindByAlternateKey('products', 'productnumber', "P'1")` is `/products(productnumber='P''1')`.
 */
export function bindByAlternateKey(entitySet: string, column: string, value: string): string {
  return `/${entitySet}(${column}=${keyLiteral(value)})`;
}

/** A lookup bound by the row's id: `/pricelevels(<guid>)`. */
export function bindById(entitySet: string, id: string): string {
  return `/${entitySet}(${id})`;
}

/** A transform binding a lookup by the alternate key the value holds (trimmed); blank stays null. */
export function alternateKeyBind(entitySet: string, column: string): NamedTransform {
  return (value) => (isBlank(value) ? null : bindByAlternateKey(entitySet, column, String(value).trim()));
}

/** `productid@odata.bind`: the product by its product number; blank stays null. */
export const productBind = alternateKeyBind('products', 'productnumber');
