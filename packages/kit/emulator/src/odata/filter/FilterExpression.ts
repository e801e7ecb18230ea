export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

/** A literal as written in the query text, typed the way the OData URI grammar types it. */
export type FilterLiteral =
  | { readonly type: 'null'; readonly value: null }
  | { readonly type: 'Edm.String'; readonly value: string }
  | { readonly type: 'Edm.Int32' | 'Edm.Int64' | 'Edm.Decimal' | 'Edm.Double'; readonly value: number }
  | { readonly type: 'Edm.Boolean'; readonly value: boolean }
  | { readonly type: 'Edm.Guid'; readonly value: string }
  | { readonly type: 'Edm.DateTimeOffset' | 'Edm.Date'; readonly value: string }
  | { readonly type: 'enum'; readonly enumType: string; readonly value: string };

/** Syntax tree of a `$filter` expression (position = offset of the node in the text). */
export type FilterExpression =
  | { readonly kind: 'literal'; readonly literal: FilterLiteral; readonly position: number }
  | { readonly kind: 'property'; readonly path: readonly string[]; readonly position: number }
  | {
      readonly kind: 'compare';
      readonly operator: ComparisonOperator;
      readonly left: FilterExpression;
      readonly right: FilterExpression;
      readonly position: number;
    }
  | {
      readonly kind: 'logical';
      readonly operator: 'and' | 'or';
      readonly left: FilterExpression;
      readonly right: FilterExpression;
      readonly position: number;
    }
  | { readonly kind: 'not'; readonly operand: FilterExpression; readonly position: number }
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly args: readonly FilterExpression[];
      readonly position: number;
    };
