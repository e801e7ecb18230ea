import type { ComparisonOperator, FilterExpression, FilterLiteral } from './FilterExpression.js';
import { syntaxError, tokenizeFilter, type FilterToken } from './tokenizeFilter.js';

const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

function numberLiteral(text: string): FilterLiteral {
  const value = Number(text);
  if (/[eE]/.test(text)) return { type: 'Edm.Double', value };
  if (text.includes('.')) return { type: 'Edm.Decimal', value };
  return Number.isSafeInteger(value) && Math.abs(value) <= 2_147_483_647
    ? { type: 'Edm.Int32', value }
    : { type: 'Edm.Int64', value };
}

/**
 * Parses OData v4 `$filter` text into a syntax tree. Precedence follows the OData ABNF:
 * `not` binds to the primary after it, then comparisons, then `and`, then `or`.
 * Names are not checked here; see `compileFilter`.
 */
export function parseFilter(text: string): FilterExpression {
  const tokens = tokenizeFilter(text);
  let cursor = 0;

  const peek = (): FilterToken | undefined => tokens[cursor];
  const fail = (token: FilterToken | undefined): never => {
    throw syntaxError(text, token ? token.position : text.length);
  };
  const isWord = (token: FilterToken | undefined, word: string): boolean =>
    token?.kind === 'identifier' && token.text === word;
  const isPunctuation = (token: FilterToken | undefined, mark: string): boolean =>
    token?.kind === 'punctuation' && token.text === mark;
  const expectPunctuation = (mark: string): void => {
    if (!isPunctuation(peek(), mark)) fail(peek());
    cursor += 1;
  };

  function parseOr(): FilterExpression {
    let left = parseAnd();
    while (isWord(peek(), 'or')) {
      const position = peek()?.position ?? 0;
      cursor += 1;
      left = { kind: 'logical', operator: 'or', left, right: parseAnd(), position };
    }
    return left;
  }

  function parseAnd(): FilterExpression {
    let left = parseComparison();
    while (isWord(peek(), 'and')) {
      const position = peek()?.position ?? 0;
      cursor += 1;
      left = { kind: 'logical', operator: 'and', left, right: parseComparison(), position };
    }
    return left;
  }

  function parseComparison(): FilterExpression {
    const left = parseUnary();
    const token = peek();
    if (token?.kind === 'identifier' && COMPARISON_OPERATORS.has(token.text)) {
      cursor += 1;
      const right = parseUnary();
      return {
        kind: 'compare',
        operator: token.text as ComparisonOperator,
        left,
        right,
        position: token.position,
      };
    }
    return left;
  }

  function parseUnary(): FilterExpression {
    const token = peek();
    if (isWord(token, 'not') && token) {
      cursor += 1;
      return { kind: 'not', operand: parseUnary(), position: token.position };
    }
    return parsePrimary();
  }

  function parsePrimary(): FilterExpression {
    const token = peek();
    if (!token) return fail(token);
    cursor += 1;
    const position = token.position;
    switch (token.kind) {
      case 'string':
        return { kind: 'literal', literal: { type: 'Edm.String', value: token.value }, position };
      case 'enum':
        return {
          kind: 'literal',
          literal: { type: 'enum', enumType: token.enumType, value: token.value },
          position,
        };
      case 'number':
        return { kind: 'literal', literal: numberLiteral(token.text), position };
      case 'guid':
        return { kind: 'literal', literal: { type: 'Edm.Guid', value: token.text.toLowerCase() }, position };
      case 'datetime':
        return { kind: 'literal', literal: { type: 'Edm.DateTimeOffset', value: token.text }, position };
      case 'date':
        return { kind: 'literal', literal: { type: 'Edm.Date', value: token.text }, position };
      case 'punctuation': {
        if (token.text !== '(') return fail(token);
        const inner = parseOr();
        expectPunctuation(')');
        return inner;
      }
      case 'identifier':
        return parseIdentifier(token.text, position);
    }
  }

  function parseIdentifier(name: string, position: number): FilterExpression {
    if (name === 'null') return { kind: 'literal', literal: { type: 'null', value: null }, position };
    if (name === 'true' || name === 'false') {
      return { kind: 'literal', literal: { type: 'Edm.Boolean', value: name === 'true' }, position };
    }
    if (isPunctuation(peek(), '(')) {
      cursor += 1;
      const args: FilterExpression[] = [];
      if (!isPunctuation(peek(), ')')) {
        args.push(parseOr());
        while (isPunctuation(peek(), ',')) {
          cursor += 1;
          args.push(parseOr());
        }
      }
      expectPunctuation(')');
      return { kind: 'call', name, args, position };
    }
    const path = [name];
    while (isPunctuation(peek(), '/')) {
      cursor += 1;
      const next = peek();
      if (next?.kind !== 'identifier') return fail(next);
      cursor += 1;
      path.push(next.text);
    }
    return { kind: 'property', path, position };
  }

  if (tokens.length === 0) fail(undefined);
  const expression = parseOr();
  if (cursor < tokens.length) fail(peek());
  return expression;
}
