import type { ConnectorRegistry } from '../connectors/index.js';
import { ConfigError } from '../errors/index.js';
import type { TaskDefinition } from '../templates/EntityTemplate.js';

type Rows = readonly Readonly<Record<string, unknown>>[];

/** Reads each of the task's reference tables in full, once per run. */
export async function loadReferences(
  task: TaskDefinition,
  connectors: ConnectorRegistry,
  signal?: AbortSignal,
): Promise<Record<string, Rows>> {
  const loaded: Record<string, Rows> = {};
  for (const [name, table] of Object.entries(task.references ?? {})) {
    const source = connectors.get(table.connector).source?.(table.ref);
    if (!source) {
      throw new ConfigError(`Task '${task.id}': reference table '${name}' cannot be read from ${table.connector}`, {
        code: 'CONNECTOR_SIDE_MISSING',
      });
    }
    const rows: Readonly<Record<string, unknown>>[] = [];
    for await (const page of source.read({ checkpoint: null, pageSize: 5000, ...(signal ? { signal } : {}) })) {
      for (const record of page.records) rows.push(record.data);
    }
    loaded[name] = rows;
  }
  return loaded;
}
