import type { z } from 'zod';
import type { Scalar } from '../../mapping/index.js';

/**
 * Why `value` does not fit a field of this type, or undefined when it fits (or nothing says
 * what the field holds). A blank value is left to the record checks: whether a field may be
 * blank is about records, not declarations.
 */
export function valueMisfit(type: z.ZodType | undefined, value: Scalar): string | undefined {
  if (type === undefined || value === null) return undefined;
  const parsed = type.safeParse(value);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'invalid_type') {
    const hint = typeof value !== 'string' && issue.expected === 'string' ? ` Quote it: '${String(value)}'.` : '';
    return `${JSON.stringify(value)} is a ${typeof value}; the field wants a ${issue.expected}.${hint}`;
  }
  return `${JSON.stringify(value)} does not fit the field: ${issue?.message ?? 'invalid'}.`;
}
