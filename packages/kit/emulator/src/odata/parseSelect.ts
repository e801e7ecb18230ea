import { findProperty, type EntityModel } from './EntityModel.js';
import { ODataQueryError } from './ODataQueryError.js';

/** `$select=a,b` -> ['a', 'b'], every name checked against the model; `*` means all. */
export function parseSelect(text: string, model: EntityModel): string[] | undefined {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  if (names.includes('*')) return undefined;
  for (const name of names) {
    if (!findProperty(model, name)) {
      throw new ODataQueryError(`Could not find a property named '${name}' on type '${model.typeName}'.`);
    }
  }
  return [...new Set(names)];
}
