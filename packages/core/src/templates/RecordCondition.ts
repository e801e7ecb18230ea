import { z } from 'zod';
import { readPath } from '../mapping/readPath.js';
import { isBlank, scalarSchema, type Scalar } from '../mapping/Transform.js';

/**
 * A condition on a source record, declared in a template and overridable in the configuration
 * (so it is data, not code). Fields are dotted paths into the record as the source returns it.
 * Text compares as Dataverse and F&O compare it: trimmed and without regard to case.
 */
export type RecordCondition =
  | { field: string; eq: Scalar }
  | { field: string; ne: Scalar }
  | { field: string; in: Scalar[] }
  | { field: string; notIn: Scalar[] }
  | { field: string; blank: boolean }
  | { all: RecordCondition[] }
  | { any: RecordCondition[] }
  | { not: RecordCondition };

const field = z.string().min(1);

export const recordConditionSchema: z.ZodType<RecordCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ field, eq: scalarSchema }),
    z.strictObject({ field, ne: scalarSchema }),
    z.strictObject({ field, in: z.array(scalarSchema).min(1) }),
    z.strictObject({ field, notIn: z.array(scalarSchema).min(1) }),
    z.strictObject({ field, blank: z.boolean() }),
    z.strictObject({ all: z.array(recordConditionSchema).min(1) }),
    z.strictObject({ any: z.array(recordConditionSchema).min(1) }),
    z.strictObject({ not: recordConditionSchema }),
  ]),
);

function same(value: unknown, wanted: Scalar): boolean {
  if (isBlank(value) || isBlank(wanted)) return isBlank(value) && isBlank(wanted);
  if (typeof value === 'string' && typeof wanted === 'string')
    return value.trim().toLowerCase() === wanted.trim().toLowerCase();
  return value === wanted;
}

/** Whether the record meets the condition. */
export function meetsCondition(record: Readonly<Record<string, unknown>>, condition: RecordCondition): boolean {
  if ('all' in condition) return condition.all.every((part) => meetsCondition(record, part));
  if ('any' in condition) return condition.any.some((part) => meetsCondition(record, part));
  if ('not' in condition) return !meetsCondition(record, condition.not);
  const value = readPath(record, condition.field);
  if ('eq' in condition) return same(value, condition.eq);
  if ('ne' in condition) return !same(value, condition.ne);
  if ('in' in condition) return condition.in.some((wanted) => same(value, wanted));
  if ('notIn' in condition) return !condition.notIn.some((wanted) => same(value, wanted));
  return isBlank(value) === condition.blank;
}

/** The condition as a reader would say it: `statecode = 1 and not (x in [A, B])`. */
export function describeCondition(condition: RecordCondition): string {
  const show = (value: Scalar): string => (typeof value === 'string' ? `'${value}'` : String(value));
  if ('all' in condition) return condition.all.map((part) => wrap(part)).join(' and ');
  if ('any' in condition) return condition.any.map((part) => wrap(part)).join(' or ');
  if ('not' in condition) return `not ${wrap(condition.not)}`;
  if ('eq' in condition) return `${condition.field} = ${show(condition.eq)}`;
  if ('ne' in condition) return `${condition.field} ≠ ${show(condition.ne)}`;
  if ('in' in condition) return `${condition.field} in [${condition.in.map(show).join(', ')}]`;
  if ('notIn' in condition) return `${condition.field} not in [${condition.notIn.map(show).join(', ')}]`;
  return `${condition.field} is ${condition.blank ? '' : 'not '}blank`;
}

function wrap(condition: RecordCondition): string {
  const text = describeCondition(condition);
  return 'all' in condition || 'any' in condition ? `(${text})` : text;
}
