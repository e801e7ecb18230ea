import type { EntityModel } from './EntityModel.js';
import { ODataQueryError } from './ODataQueryError.js';
import { parseSelect } from './parseSelect.js';

export interface ExpandItem {
  readonly navigation: string;
  readonly model: EntityModel;
  /** Undefined when every property of the related row is wanted. */
  readonly select?: readonly string[];
}

/** Splits at commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

/** `$expand=nav($select=a,b)` for single-valued navigation properties (one level). */
export function parseExpand(text: string, model: EntityModel): ExpandItem[] {
  return splitTopLevel(text).map((part) => {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:\((.*)\))?$/s.exec(part);
    if (!match) throw new ODataQueryError(`Syntax error at position 0 in '${text}'.`);
    const navigation = match[1] ?? '';
    const related =
      model.navigation && Object.hasOwn(model.navigation, navigation) ? model.navigation[navigation] : undefined;
    if (!related) {
      throw new ODataQueryError(`Could not find a property named '${navigation}' on type '${model.typeName}'.`);
    }
    let select: string[] | undefined;
    for (const option of (match[2] ?? '').split(';').filter((item) => item.trim().length > 0)) {
      const [name = '', value = ''] = option.split(/=(.*)/s);
      if (name.trim() !== '$select') {
        throw new ODataQueryError(`The query option '${name.trim()}' is not supported inside $expand.`);
      }
      select = parseSelect(value, related);
    }
    return select === undefined ? { navigation, model: related } : { navigation, model: related, select };
  });
}
