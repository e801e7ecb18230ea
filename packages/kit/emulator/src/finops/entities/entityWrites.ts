import { FinOpsFault, writeFailed } from '../FinOpsFault.js';
import { valueText } from '../../odata/valueText.js';
import type { FinOpsStore } from '../FinOpsStore.js';
import type { EntityDefinition, EntityFieldDefinition, EntityLookup, FinOpsEntityRow } from './EntityDefinition.js';
import { EMPTY_DATETIME } from './entityFields.js';
import { emptyEntityRow, keyOf } from './entityModel.js';

export interface EntityWriteOptions {
  /** Seeds skip checks that would need rows seeded later (headers, customers, products). */
  readonly checkReferences: boolean;
}

function isEmpty(value: unknown, kind: string): boolean {
  if (kind === 'datetime') return value === EMPTY_DATETIME;
  if (kind === 'decimal' || kind === 'integer') return value === 0;
  return valueText(value ?? '').trim() === '';
}

interface CheckedFields {
  readonly enums: readonly [string, EntityFieldDefinition][];
  readonly required: readonly [string, EntityFieldDefinition][];
}

const checked = new WeakMap<EntityDefinition, CheckedFields>();

/** The string enum and mandatory fields of a definition, found once (ingest writes thousands of rows). */
function checkedFields(definition: EntityDefinition): CheckedFields {
  let found = checked.get(definition);
  if (!found) {
    const fields = Object.entries(definition.fields);
    found = {
      enums: fields.filter(([, field]) => field.values),
      required: fields.filter(([, field]) => field.required),
    };
    checked.set(definition, found);
  }
  return found;
}

/**
 * F&O's checks on a write, as Infolog lines (empty when the row may be written): string enum
 * members, mandatory fields (validateWrite), then the entity's own checks (referenced rows).
 * String enum values are put in their declared spelling.
 */
export function validateEntityRow(
  definition: EntityDefinition,
  row: FinOpsEntityRow,
  lookup: EntityLookup,
  options: EntityWriteOptions,
  sent: ReadonlySet<string> = new Set(),
): string[] {
  const entries: string[] = [];
  const { enums, required } = checkedFields(definition);
  for (const [name, field] of enums) {
    const value = row[name];
    if (field.values && typeof value === 'string' && value !== '') {
      const member = field.values.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
      if (member) row[name] = member;
      else
        entries.push(
          `The value '${value}' in field '${field.label}' is not valid. Use one of: ${field.values.join(', ')}.`,
        );
    }
  }
  for (const [name, field] of required) {
    if (isEmpty(row[name], field.kind)) entries.push(`Field '${field.label}' must be filled in.`);
  }
  if (options.checkReferences && entries.length === 0)
    entries.push(...(definition.validate?.(row, lookup, sent) ?? []));
  return entries;
}

/** `A, B and C`, as F&O's messages list fields. */
function keyList(fields: readonly string[]): string {
  return fields.length < 2 ? fields.join('') : `${fields.slice(0, -1).join(', ')} and ${fields.at(-1) ?? ''}`;
}

function companyOf(store: FinOpsStore, dataAreaId: unknown, tableType: string): string {
  const company = (
    typeof dataAreaId === 'string' && dataAreaId !== '' ? dataAreaId : store.defaultCompany
  ).toLowerCase();
  if (!store.isLegalEntity(company)) throw writeFailed([`Company '${company}' does not exist.`], tableType);
  return company;
}

/** POST: validate, refuse a duplicate key, insert. Returns the stored row. */
export function createEntityRow(
  store: FinOpsStore,
  definition: EntityDefinition,
  changes: Partial<FinOpsEntityRow>,
  options: EntityWriteOptions = { checkReferences: true },
): FinOpsEntityRow {
  const dataAreaId = companyOf(store, changes['dataAreaId'], definition.tableType);
  const row = { ...emptyEntityRow(definition, dataAreaId), ...changes, dataAreaId } as FinOpsEntityRow;
  const entries = validateEntityRow(definition, row, store.lookup, options, new Set(Object.keys(changes)));
  if (entries.length > 0) throw writeFailed(entries, definition.tableType);
  const key = keyOf(definition, row);
  if (store.entities.get(definition.entitySet, dataAreaId, key)) {
    const labels = definition.keyFields.map((field) => definition.fields[field]?.label ?? field).join(', ');
    throw writeFailed(
      [
        `Cannot create a record in ${definition.tableLabel}. ${labels}: ${key.join(', ')}, ${dataAreaId}. The record already exists.`,
      ],
      definition.tableType,
    );
  }
  definition.prepare?.(row, changes, {
    creating: true,
    nextPartyNumber: () => store.nextPartyNumber(),
    lookup: store.lookup,
  });
  store.entities.put(definition.entitySet, key, row);
  return row;
}

/** PATCH: only the fields sent change; the key fields cannot. */
export function updateEntityRow(
  store: FinOpsStore,
  definition: EntityDefinition,
  existing: FinOpsEntityRow,
  changes: Partial<FinOpsEntityRow>,
): FinOpsEntityRow {
  const keyFields = ['dataAreaId', ...definition.keyFields];
  const renamed = keyFields.some((field) => {
    const value = changes[field];
    const current = existing[field];
    if (value === undefined) return false;
    return typeof value === 'string' && typeof current === 'string'
      ? value.toLowerCase() !== current.toLowerCase()
      : value !== current;
  });
  if (renamed) {
    throw new FinOpsFault(
      400,
      `The key properties ${keyList([...definition.keyFields, 'dataAreaId'])} cannot be changed by an update.`,
    );
  }
  const row = { ...existing, ...changes } as FinOpsEntityRow;
  for (const field of keyFields) row[field] = existing[field] ?? '';
  const sent = new Set(Object.keys(changes).filter((field) => !keyFields.includes(field)));
  const entries = validateEntityRow(definition, row, store.lookup, { checkReferences: true }, sent);
  if (entries.length > 0) throw writeFailed(entries, definition.tableType);
  definition.prepare?.(row, changes, {
    creating: false,
    nextPartyNumber: () => store.nextPartyNumber(),
    lookup: store.lookup,
  });
  store.entities.put(definition.entitySet, keyOf(definition, row), row);
  return row;
}

export function deleteEntityRow(store: FinOpsStore, definition: EntityDefinition, row: FinOpsEntityRow): void {
  store.entities.delete(definition.entitySet, String(row['dataAreaId']), keyOf(definition, row));
}
