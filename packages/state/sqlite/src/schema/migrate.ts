import type Database from 'better-sqlite3';
import { FatalError } from '@p2c/core';
import type { Migration } from './migrations.js';

/**
 * Brings the database up to the last migration. Runs under an immediate (write-locked)
 * transaction, so two processes opening the same new file do not both apply a step.
 * Returns the schema version the database is at.
 */
export function migrate(db: Database.Database, steps: readonly Migration[], now: () => Date): number {
  const latest = steps.reduce((max, step) => Math.max(max, step.version), 0);
  const apply = db.transaction(() => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL
      )
    `);
    const current =
      db.prepare<[], { version: number | null }>('SELECT max(version) AS version FROM schema_migrations').get()
        ?.version ?? 0;
    if (current > latest) {
      throw new FatalError(
        `The state database is at schema version ${current}, newer than this p2c understands (${latest}); upgrade p2c.`,
        { code: 'STATE_SCHEMA_TOO_NEW' },
      );
    }
    const record = db.prepare<[number, string, string]>(
      'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
    );
    for (const step of [...steps].sort((a, b) => a.version - b.version)) {
      if (step.version <= current) continue;
      db.exec(step.sql);
      record.run(step.version, step.name, now().toISOString());
    }
    return latest;
  });
  return apply.immediate();
}
