import { findProperty, type EdmPrimitive, type EntityModel, type RowReader } from '../EntityModel.js';
import { ODataQueryError } from '../ODataQueryError.js';
import type { ComparisonOperator, FilterExpression } from './FilterExpression.js';
import { parseFilter } from './parseFilter.js';

type BoundType =
  | { readonly kind: 'null' }
  | { readonly kind: 'primitive'; readonly type: EdmPrimitive }
  | { readonly kind: 'enum'; readonly enumType: string; readonly members?: readonly string[] };

/** Three-valued logic as in SQL: `null` is "unknown" and a row is kept only when `true`. */
type Truth = boolean | null;
type Evaluate<Row> = (row: Row) => unknown;

interface Bound<Row> {
  readonly type: BoundType;
  readonly evaluate: Evaluate<Row>;
  /** Set for a literal, so comparisons can treat `eq null` as IS NULL and spot wildcards. */
  readonly literal?: { readonly value: unknown };
}

export interface FilterOptions {
  /** F&O treats `*` inside a string compared with `eq`/`ne` as a wildcard (SQL LIKE). */
  readonly wildcardEquals?: boolean;
}

const OPERATOR_KIND: Record<ComparisonOperator | 'and' | 'or', string> = {
  eq: 'Equal',
  ne: 'NotEqual',
  gt: 'GreaterThan',
  ge: 'GreaterThanOrEqual',
  lt: 'LessThan',
  le: 'LessThanOrEqual',
  and: 'And',
  or: 'Or',
};

const NUMERIC: ReadonlySet<EdmPrimitive> = new Set(['Edm.Int32', 'Edm.Int64', 'Edm.Decimal', 'Edm.Double']);
const BOOLEAN: BoundType = { kind: 'primitive', type: 'Edm.Boolean' };
const STRING: BoundType = { kind: 'primitive', type: 'Edm.String' };

function label(type: BoundType): string {
  if (type.kind === 'null') return '<null>';
  return type.kind === 'enum' ? type.enumType : type.type;
}

function isBoolean(type: BoundType): boolean {
  return type.kind === 'primitive' && type.type === 'Edm.Boolean';
}

type CompareMode = 'number' | 'string' | 'guid' | 'datetime' | 'boolean' | 'enum';

/** Which comparison applies to two operand types, or undefined when OData would refuse them. */
function compareMode(left: BoundType, right: BoundType): CompareMode | 'null' | undefined {
  if (left.kind === 'null' && right.kind === 'null') return 'null';
  if (left.kind === 'null') return compareMode(right, right);
  if (right.kind === 'null') return compareMode(left, left);
  if (left.kind === 'enum' || right.kind === 'enum') {
    return left.kind === 'enum' && right.kind === 'enum' && left.enumType === right.enumType ? 'enum' : undefined;
  }
  const a = left.type;
  const b = right.type;
  if (NUMERIC.has(a) && NUMERIC.has(b)) return 'number';
  const dates: ReadonlySet<EdmPrimitive> = new Set(['Edm.DateTimeOffset', 'Edm.Date']);
  if (dates.has(a) && dates.has(b)) return 'datetime';
  if (a !== b) return undefined;
  if (a === 'Edm.String') return 'string';
  if (a === 'Edm.Guid') return 'guid';
  if (a === 'Edm.Boolean') return 'boolean';
  return undefined;
}

function normalise(value: unknown, mode: CompareMode): number | string | boolean {
  switch (mode) {
    case 'number':
      return Number(value);
    case 'datetime':
      return Date.parse(String(value));
    case 'boolean':
      return Boolean(value);
    default:
      // SQL Server's default collation: string, GUID and enum comparisons ignore case.
      return String(value).toLowerCase();
  }
}

function wildcardPattern(pattern: string): RegExp {
  const escaped = pattern
    .toLowerCase()
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped}$`, 's');
}

function applyOperator(operator: ComparisonOperator, order: number): boolean {
  switch (operator) {
    case 'eq':
      return order === 0;
    case 'ne':
      return order !== 0;
    case 'gt':
      return order > 0;
    case 'ge':
      return order >= 0;
    case 'lt':
      return order < 0;
    case 'le':
      return order <= 0;
  }
}

function isAbsent(value: unknown): boolean {
  return value === null || value === undefined;
}

const STRING_FUNCTIONS: Record<string, (subject: string, argument: string) => boolean> = {
  contains: (subject, argument) => subject.includes(argument),
  startswith: (subject, argument) => subject.startsWith(argument),
  endswith: (subject, argument) => subject.endsWith(argument),
};

const STRING_TRANSFORMS: Record<string, (subject: string) => string> = {
  tolower: (subject) => subject.toLowerCase(),
  toupper: (subject) => subject.toUpperCase(),
  trim: (subject) => subject.trim(),
};

/**
 * Parses and type-checks `$filter` text against an entity model and returns a row predicate.
 * Refusals carry the messages of Microsoft's OData library (unknown property, incompatible
 * operand types, unknown function), so each service can wrap them in its own error body.
 */
export function compileFilter<Row>(
  text: string,
  model: EntityModel,
  reader: RowReader<Row>,
  options: FilterOptions = {},
): (row: Row) => boolean {
  const root = bind(parseFilter(text));
  if (!isBoolean(root.type)) {
    throw new ODataQueryError('The $filter expression must evaluate to a single boolean value.');
  }
  return (row) => root.evaluate(row) === true;

  function bind(node: FilterExpression): Bound<Row> {
    switch (node.kind) {
      case 'literal': {
        const { literal } = node;
        const type: BoundType =
          literal.type === 'null'
            ? { kind: 'null' }
            : literal.type === 'enum'
              ? { kind: 'enum', enumType: literal.enumType }
              : { kind: 'primitive', type: literal.type };
        const value = literal.value;
        return { type, evaluate: () => value, literal: { value } };
      }
      case 'property':
        return bindProperty(node.path);
      case 'not': {
        const operand = bind(node.operand);
        if (!isBoolean(operand.type)) {
          throw new ODataQueryError(
            `A unary operator with an incompatible type was detected. Found operand type '${label(operand.type)}' for operator kind 'Not'.`,
          );
        }
        return {
          type: BOOLEAN,
          evaluate: (row) => {
            const value = operand.evaluate(row) as Truth;
            return value === null ? null : !value;
          },
        };
      }
      case 'logical':
        return bindLogical(node.operator, bind(node.left), bind(node.right));
      case 'compare':
        return bindComparison(node.operator, bind(node.left), bind(node.right));
      case 'call':
        return bindCall(node.name, node.args.map(bind));
    }
  }

  function bindProperty(path: readonly string[]): Bound<Row> {
    let current: EntityModel = model;
    const navigations: string[] = [];
    for (const segment of path.slice(0, -1)) {
      const navigation =
        current.navigation && Object.hasOwn(current.navigation, segment) ? current.navigation[segment] : undefined;
      // One level of navigation is all the emulated services need (lookup/property).
      if (!navigation || navigations.length > 0) {
        throw new ODataQueryError(`Could not find a property named '${segment}' on type '${current.typeName}'.`);
      }
      navigations.push(segment);
      current = navigation;
    }
    const name = path[path.length - 1] ?? '';
    const property = findProperty(current, name);
    if (!property) {
      throw new ODataQueryError(`Could not find a property named '${name}' on type '${current.typeName}'.`);
    }
    const type: BoundType =
      typeof property.type === 'string'
        ? { kind: 'primitive', type: property.type }
        : { kind: 'enum', enumType: property.type.enumType, members: property.type.members };
    const [navigation] = navigations;
    if (navigation === undefined) return { type, evaluate: (row) => reader.value(row, name) };
    return {
      type,
      evaluate: (row) => {
        const related = reader.navigate?.(row, navigation) ?? null;
        return related ? (related[name] ?? null) : null;
      },
    };
  }

  function bindLogical(operator: 'and' | 'or', left: Bound<Row>, right: Bound<Row>): Bound<Row> {
    if (!isBoolean(left.type) || !isBoolean(right.type)) {
      throw new ODataQueryError(
        `A binary operator with incompatible types was detected. Found operand types '${label(left.type)}' and '${label(right.type)}' for operator kind '${OPERATOR_KIND[operator]}'.`,
      );
    }
    return {
      type: BOOLEAN,
      evaluate: (row) => {
        const a = left.evaluate(row) as Truth;
        if (operator === 'and' && a === false) return false;
        if (operator === 'or' && a === true) return true;
        const b = right.evaluate(row) as Truth;
        if (operator === 'and') return b === false ? false : a === null || b === null ? null : true;
        return b === true ? true : a === null || b === null ? null : false;
      },
    };
  }

  function checkEnumMember(type: BoundType, other: Bound<Row>): void {
    if (type.kind !== 'enum' || !type.members || other.type.kind !== 'enum' || !other.literal) return;
    const member = String(other.literal.value);
    if (!type.members.some((candidate) => candidate.toLowerCase() === member.toLowerCase())) {
      throw new ODataQueryError(`The string '${member}' is not a valid enumeration type constant.`);
    }
  }

  function bindComparison(operator: ComparisonOperator, left: Bound<Row>, right: Bound<Row>): Bound<Row> {
    const mode = compareMode(left.type, right.type);
    if (mode === undefined) {
      throw new ODataQueryError(
        `A binary operator with incompatible types was detected. Found operand types '${label(left.type)}' and '${label(right.type)}' for operator kind '${OPERATOR_KIND[operator]}'.`,
      );
    }
    checkEnumMember(left.type, right);
    checkEnumMember(right.type, left);
    const nullLiteral = left.type.kind === 'null' || right.type.kind === 'null';
    const wildcard =
      options.wildcardEquals === true &&
      (operator === 'eq' || operator === 'ne') &&
      mode === 'string' &&
      typeof right.literal?.value === 'string' &&
      right.literal.value.includes('*')
        ? wildcardPattern(right.literal.value)
        : undefined;
    return {
      type: BOOLEAN,
      evaluate: (row): Truth => {
        const a = left.evaluate(row);
        const b = right.evaluate(row);
        if (nullLiteral) {
          // `x eq null` is IS NULL and `x ne null` IS NOT NULL: never unknown.
          const same = isAbsent(a) === isAbsent(b) && (isAbsent(a) || a === b);
          if (operator === 'eq') return same;
          if (operator === 'ne') return !same;
          return null;
        }
        if (isAbsent(a) || isAbsent(b) || mode === 'null') return null;
        if (wildcard) {
          const matches = wildcard.test(String(a).toLowerCase());
          return operator === 'eq' ? matches : !matches;
        }
        const x = normalise(a, mode);
        const y = normalise(b, mode);
        const order = x < y ? -1 : x > y ? 1 : 0;
        return applyOperator(operator, order);
      },
    };
  }

  function bindCall(name: string, args: Bound<Row>[]): Bound<Row> {
    const predicate = STRING_FUNCTIONS[name];
    const transform = STRING_TRANSFORMS[name];
    const stringArgs = (count: number): boolean =>
      args.length === count &&
      args.every(
        (arg) => arg.type.kind === 'null' || (arg.type.kind === 'primitive' && arg.type.type === 'Edm.String'),
      );
    if (predicate && Object.hasOwn(STRING_FUNCTIONS, name)) {
      if (!stringArgs(2)) {
        throw new ODataQueryError(
          `No function signature for the function with name '${name}' matches the specified arguments. The function signatures considered are: ${name}(Edm.String Nullable=true, Edm.String Nullable=true).`,
        );
      }
      const [subject, argument] = args as [Bound<Row>, Bound<Row>];
      return {
        type: BOOLEAN,
        evaluate: (row): Truth => {
          const a = subject.evaluate(row);
          const b = argument.evaluate(row);
          if (isAbsent(a) || isAbsent(b)) return null;
          return predicate(String(a).toLowerCase(), String(b).toLowerCase());
        },
      };
    }
    if (transform && Object.hasOwn(STRING_TRANSFORMS, name)) {
      if (!stringArgs(1)) {
        throw new ODataQueryError(
          `No function signature for the function with name '${name}' matches the specified arguments. The function signatures considered are: ${name}(Edm.String Nullable=true).`,
        );
      }
      const [subject] = args as [Bound<Row>];
      return {
        type: STRING,
        evaluate: (row) => {
          const a = subject.evaluate(row);
          return isAbsent(a) ? null : transform(String(a));
        },
      };
    }
    throw new ODataQueryError(
      `An unknown function with name '${name}' was found. This may also be a function import or a key lookup on a navigation property, which is not allowed.`,
    );
  }
}
