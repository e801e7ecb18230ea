import { findProperty, type EntityModel, type RowReader } from './EntityModel.js';
import { ODataQueryError } from './ODataQueryError.js';
import { valueText } from './valueText.js';

export interface OrderByItem {
  readonly property: string;
  readonly descending: boolean;
}

/** `$orderby=name asc,createdon desc`, every name checked against the model. */
export function parseOrderBy(text: string, model: EntityModel): OrderByItem[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const [property = '', direction, ...extra] = part.split(/\s+/);
      if (extra.length > 0 || (direction !== undefined && direction !== 'asc' && direction !== 'desc')) {
        throw new ODataQueryError(`Syntax error at position ${part.length} in '${text}'.`);
      }
      if (!findProperty(model, property)) {
        throw new ODataQueryError(`Could not find a property named '${property}' on type '${model.typeName}'.`);
      }
      return { property, descending: direction === 'desc' };
    });
}

/** SQL Server ordering: NULL sorts first ascending; strings and GUIDs ignore case. */
function compareValues(a: unknown, b: unknown): number {
  const aAbsent = a === null || a === undefined;
  const bAbsent = b === null || b === undefined;
  if (aAbsent || bAbsent) return aAbsent === bAbsent ? 0 : aAbsent ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = valueText(a).toLowerCase();
  const y = valueText(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * A comparator for `$orderby`, ending with the tie-breakers (the key properties) so that a
 * page boundary always falls at the same place.
 */
export function rowComparator<Row>(
  orderBy: readonly OrderByItem[],
  tieBreakers: readonly string[],
  reader: RowReader<Row>,
): (a: Row, b: Row) => number {
  const keys = [...orderBy, ...tieBreakers.map((property) => ({ property, descending: false }))];
  return (a, b) => {
    for (const { property, descending } of keys) {
      const order = compareValues(reader.value(a, property), reader.value(b, property));
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  };
}
