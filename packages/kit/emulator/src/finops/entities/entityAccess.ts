import { FinOpsFault } from '../FinOpsFault.js';
import type { FinOpsStore } from '../FinOpsStore.js';
import type { FinOpsEntitySetName } from './entityCatalog.js';
import type { EntityDefinition, FinOpsEntityRow, FinOpsEntityValue } from './EntityDefinition.js';
import { presentEntityRow } from './entityModel.js';
import { createEntityRow, deleteEntityRow, updateEntityRow } from './entityWrites.js';
import { readEntityPayload } from './readEntityPayload.js';

/** A row's key: its key fields, and `dataAreaId` (the default company when absent). */
export type FinOpsEntityKey = Readonly<Record<string, FinOpsEntityValue>>;

/** Direct access to one declared F&O data entity, bypassing HTTP (for test setup and assertions). */
export interface EmulatorFinOpsEntity {
  /** Every row of every legal entity, as the entity set returns it (computed fields included). */
  list(): FinOpsEntityRow[];
  /** Finds a row; keys compare without regard to case, as in F&O. */
  get(key: FinOpsEntityKey): FinOpsEntityRow | undefined;
  /** Creates a row with the API's validation (mandatory fields, referenced rows); throws the Infolog text. */
  insert(row: Record<string, unknown>): FinOpsEntityRow;
  /** Changes the fields given, validated as a PATCH is. */
  update(key: FinOpsEntityKey, patch: Record<string, unknown>): FinOpsEntityRow;
  remove(key: FinOpsEntityKey): void;
}

function definitionOf(store: FinOpsStore, entitySet: string): EntityDefinition {
  const definition = store.entityDefinition(entitySet);
  if (!definition) {
    const known = store.entityDefinitions().map((entity) => entity.entitySet);
    throw new Error(`Unknown F&O entity set '${entitySet}' (known: ${known.join(', ')}).`);
  }
  return definition;
}

/**
 * `store` is read on every call, so the accessor survives `emulator.reset()` (a declared
 * entity only while the current seed declares it).
 */
export function finOpsEntityAccess(
  store: () => FinOpsStore,
  entitySet: FinOpsEntitySetName | (string & {}),
): EmulatorFinOpsEntity {
  definitionOf(store(), entitySet);
  const find = (key: FinOpsEntityKey): FinOpsEntityRow | undefined => {
    const current = store();
    const definition = definitionOf(current, entitySet);
    const dataAreaId = String(key['dataAreaId'] ?? current.defaultCompany).toLowerCase();
    const parts = definition.keyFields.map((field) => {
      const value = key[field];
      if (value === undefined) throw new Error(`The key of ${entitySet} needs ${definition.keyFields.join(', ')}.`);
      return value;
    });
    return current.entities.get(entitySet, dataAreaId, parts);
  };
  const existing = (key: FinOpsEntityKey): FinOpsEntityRow => {
    const row = find(key);
    if (!row) throw new FinOpsFault(404, `No ${entitySet} row with key ${JSON.stringify(key)}.`);
    return row;
  };
  const definition = (): EntityDefinition => definitionOf(store(), entitySet);
  const present = (row: FinOpsEntityRow): FinOpsEntityRow => presentEntityRow(definition(), store().lookup, row);
  return {
    list: () => store().entities.rows(definition().entitySet).map(present),
    get: (key) => {
      const row = find(key);
      return row ? present(row) : undefined;
    },
    insert: (row) => present(createEntityRow(store(), definition(), readEntityPayload(definition(), row))),
    update: (key, patch) =>
      present(updateEntityRow(store(), definition(), existing(key), readEntityPayload(definition(), patch))),
    remove: (key) => deleteEntityRow(store(), definition(), existing(key)),
  };
}

/** Every row of a declared entity set, or undefined for a name that is not one (admin API). */
export function listEntityRows(store: FinOpsStore, entitySet: string): FinOpsEntityRow[] | undefined {
  const definition = store.entityDefinition(entitySet);
  return definition
    ? store.entities.rows(entitySet).map((row) => presentEntityRow(definition, store.lookup, row))
    : undefined;
}
