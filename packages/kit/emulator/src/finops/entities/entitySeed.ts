import { z } from 'zod';
import type { FinOpsStore } from '../FinOpsStore.js';
import { FINOPS_ENTITIES, type FinOpsEntitySetName } from './entityCatalog.js';
import type { EntityDefinition, EntityFieldKind, FinOpsEntityRow } from './EntityDefinition.js';
import { emptyEntityRow, keyOf } from './entityModel.js';
import { entityRowKey } from './EntityStore.js';
import { validateEntityRow } from './entityWrites.js';
import { normaliseDateTime } from '../fieldValues.js';
import { readEntityPayload } from './readEntityPayload.js';

/** A seed row of a declared entity: fields as the entity set returns them; dataAreaId defaults to the first legal entity. */
export type SeedFinOpsEntityRow = Readonly<Record<string, string | number>>;

/** `finops.<EntitySet>` seed arrays, one per declared entity. */
export type SeedFinOpsEntities = { readonly [K in FinOpsEntitySetName]?: readonly SeedFinOpsEntityRow[] };

function fieldSchema(kind: EntityFieldKind): z.ZodType {
  switch (kind) {
    case 'string':
      return z.string().optional();
    case 'decimal':
      return z.number().optional();
    case 'integer':
      return z.number().int().optional();
    case 'noyes':
      return z.enum(['Yes', 'No']).optional();
    case 'datetime':
      return z
        .string()
        .refine((value) => normaliseDateTime(value) !== undefined, 'expected a date-time like 2020-01-01T12:00:00Z')
        .optional();
  }
}

function rowSchema(definition: EntityDefinition): z.ZodType<SeedFinOpsEntityRow> {
  const shape: Record<string, z.ZodType> = { dataAreaId: z.string().min(1).optional() };
  for (const [name, field] of Object.entries(definition.fields)) shape[name] = fieldSchema(field.kind);
  // Annotations, computed and unmodelled fields are dropped, so rows can be pasted from a real response.
  return z.object(shape) as unknown as z.ZodType<SeedFinOpsEntityRow>;
}

/** The zod shape of the seed's `finops.<EntitySet>` arrays, to spread into the `finops` object. */
export const ENTITY_SEED_SHAPE = Object.fromEntries(
  FINOPS_ENTITIES.map((definition) => [definition.entitySet, z.array(rowSchema(definition)).optional()]),
) as { [K in FinOpsEntitySetName]: z.ZodOptional<z.ZodArray<z.ZodType<SeedFinOpsEntityRow>>> };

export interface PreparedEntitySeeds {
  /** Rows that are invalid (missing mandatory fields, unknown company, repeated key in the seed). */
  readonly problems: readonly string[];
  /** Rows whose key is already taken by existing data (only when adding to running data). */
  readonly conflicts: readonly string[];
  /** Stores the rows (call only when there are no problems, and no conflicts when adding). */
  apply(): void;
}

/**
 * Checks the seed's entity rows as the API would, except for references to other rows (a seed
 * may give lines before their headers): types, mandatory fields, companies and unique keys.
 */
export function prepareEntitySeeds(
  store: FinOpsStore,
  seed:
    (SeedFinOpsEntities & { readonly rows?: Readonly<Record<string, readonly Record<string, unknown>[]>> }) | undefined,
  seedLegalEntities: readonly string[] = [],
  declared: readonly EntityDefinition[] = [],
): PreparedEntitySeeds {
  const problems: string[] = [];
  const conflicts: string[] = [];
  const ready: [EntityDefinition, FinOpsEntityRow][] = [];
  const companies = new Set([...store.legalEntities(), ...seedLegalEntities.map((entity) => entity.toLowerCase())]);
  const defaultCompany =
    store.legalEntities().length > 0 ? store.defaultCompany : (seedLegalEntities[0] ?? 'usmf').toLowerCase();
  for (const definition of [...store.entityDefinitions(), ...declared]) {
    // `finops.<EntitySet>` (built-in entities) first, then `finops.rows.<EntitySet>`.
    const builtIn: readonly Record<string, unknown>[] = seed?.[definition.entitySet as FinOpsEntitySetName] ?? [];
    const listed = seed?.rows?.[definition.entitySet] ?? [];
    const rows = [
      ...builtIn.map((row, index) => [row, `finops.${definition.entitySet}[${index}]`] as const),
      ...listed.map((row, index) => [row, `finops.rows.${definition.entitySet}[${index}]`] as const),
    ];
    const seen = new Set<string>();
    rows.forEach(([seedRow, where]) => {
      try {
        const changes = readEntityPayload(definition, seedRow);
        const dataAreaId = String(changes['dataAreaId'] || defaultCompany).toLowerCase();
        if (!companies.has(dataAreaId)) {
          problems.push(
            `${where}.dataAreaId: unknown legal entity '${dataAreaId}' (legal entities: ${[...companies].join(', ')})`,
          );
          return;
        }
        const row = { ...emptyEntityRow(definition, dataAreaId), ...changes, dataAreaId } as FinOpsEntityRow;
        const entries = validateEntityRow(definition, row, store.lookup, { checkReferences: false });
        if (entries.length > 0) {
          problems.push(`${where}: ${entries.join(' ')}`);
          return;
        }
        const key = keyOf(definition, row);
        const id = entityRowKey(dataAreaId, key);
        if (seen.has(id)) problems.push(`${where}: duplicate key ${key.join(', ')} in legal entity '${dataAreaId}'`);
        else if (store.entities.get(definition.entitySet, dataAreaId, key)) {
          conflicts.push(`${where}: ${definition.entitySet} ${key.join(', ')} already exists in ${dataAreaId}`);
        }
        seen.add(id);
        ready.push([definition, row]);
      } catch (error) {
        problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }
  return {
    problems,
    conflicts,
    apply: () => {
      for (const [definition, row] of ready) store.entities.put(definition.entitySet, keyOf(definition, row), row);
    },
  };
}
