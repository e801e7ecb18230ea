import type { z } from 'zod';
import { ConfigError } from '../../errors/index.js';
import type { MappingOverrides } from '../../mapping/index.js';
import type { EntityTemplate, TaskDefinition } from '../EntityTemplate.js';
import type { RecordCondition } from '../RecordCondition.js';

/**
 * What a connector knows of an entity's columns, by the connection a task names (`sales`,
 * `finops`) and the entity set; undefined when it describes nothing, and then the template's
 * declared `ref.fields` are all there is to check against.
 */
export type DescribeEntity = (connector: string, entity: string) => z.ZodObject | undefined;

/** The configuration's changes to one task, checked like the template's own declarations. */
export interface TaskOverrides extends Partial<MappingOverrides> {
  filters?: Readonly<Record<string, RecordCondition | false>>;
}

export interface TaskCheckContext {
  template: EntityTemplate;
  task: TaskDefinition;
  describeEntity: DescribeEntity;
  /** Where the configuration's overrides came from, for messages (`p2c.config.yaml: templates.x.tasks.y`). */
  overridesAt?: string;
  overrides?: TaskOverrides;
}

/**
 * One refusal: names the template, the task and the field; when checking the configuration's
 * overrides, by their path in the configuration, which already names the template and task.
 */
export function taskInvalid(context: TaskCheckContext, field: string, problem: string): ConfigError {
  const where = context.overridesAt
    ? `${context.overridesAt}.${field}`
    : `Template '${context.template.id}', task '${context.task.id}': ${field}`;
  return new ConfigError(`${where}: ${problem}`, { code: 'TASK_INVALID' });
}
