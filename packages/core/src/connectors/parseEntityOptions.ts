import type { z } from 'zod';
import { ConfigError } from '../errors/index.js';
import type { EntityRef } from './Connector.js';

/**
 * A connector's options for one entity (`EntityRef.options`), checked against its schema; a
 * mistake is one ConfigError naming the system, the entity and the option.
 */
export function parseEntityOptions<S extends z.ZodType>(schema: S, ref: EntityRef, system: string): z.output<S> {
  const parsed = schema.safeParse(ref.options ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ConfigError(`${system} entity ${ref.entity}: options.${issue?.path.join('.')}: ${issue?.message}`, {
    code: 'ENTITY_OPTIONS_INVALID',
  });
}
