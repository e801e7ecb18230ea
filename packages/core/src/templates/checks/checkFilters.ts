import type { Scalar } from '../../mapping/index.js';
import type { RecordCondition } from '../RecordCondition.js';
import { closest, hasPath, sourceFields, type EntityFields } from './entityFields.js';
import { taskInvalid, type TaskCheckContext } from './TaskCheckContext.js';
import { valueMisfit } from './valueFits.js';

/**
 * Every filter, the template's and the configuration's, names a field of the source records it
 * reads, with values of that field's type: a misspelt field would leave every record out.
 */
export function checkFilters(context: TaskCheckContext): void {
  const fields = sourceFields(context);
  const rules: [string, RecordCondition][] = Object.entries(context.task.filters ?? {}).map(([name, filter]) => [
    name,
    filter.where,
  ]);
  for (const [name, override] of Object.entries(context.overrides?.filters ?? {})) {
    if (override !== false) rules.push([name, override]);
  }
  for (const [name, condition] of rules) checkCondition(context, fields, `filters.${name}`, condition);
}

function checkCondition(context: TaskCheckContext, fields: EntityFields, at: string, condition: RecordCondition): void {
  if ('all' in condition) return condition.all.forEach((part) => checkCondition(context, fields, at, part));
  if ('any' in condition) return condition.any.forEach((part) => checkCondition(context, fields, at, part));
  if ('not' in condition) return checkCondition(context, fields, at, condition.not);
  if (!hasPath(fields, condition.field)) {
    throw taskInvalid(
      context,
      `${at}.${condition.field}`,
      `the filter reads '${condition.field}', which is not a field of ${fields.describedBy}.${closest(fields, condition.field)}`,
    );
  }
  const values: Scalar[] =
    'eq' in condition
      ? [condition.eq]
      : 'ne' in condition
        ? [condition.ne]
        : 'in' in condition
          ? condition.in
          : 'notIn' in condition
            ? condition.notIn
            : [];
  const type = condition.field.includes('.') ? undefined : fields.typeOf(condition.field);
  for (const value of values) {
    const misfit = valueMisfit(type, value);
    if (misfit) throw taskInvalid(context, `${at}.${condition.field}`, misfit);
  }
}
