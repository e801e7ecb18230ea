/** One step of the schema. Append only: an applied migration is never edited or removed. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'runs and record failures',
    sql: `
      CREATE TABLE runs (
        -- seq orders runs started in the same millisecond; it survives VACUUM, rowid may not.
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        template_id TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('full', 'incremental')),
        status TEXT NOT NULL CHECK (status IN ('Running', 'Completed', 'Warning', 'Error', 'Interrupted')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        read_count INTEGER NOT NULL DEFAULT 0,
        created_count INTEGER NOT NULL DEFAULT 0,
        updated_count INTEGER NOT NULL DEFAULT 0,
        unchanged_count INTEGER NOT NULL DEFAULT 0,
        failed_count INTEGER NOT NULL DEFAULT 0,
        keys_generated_count INTEGER NOT NULL DEFAULT 0,
        message TEXT
      );
      CREATE INDEX runs_by_start ON runs (started_at, seq);
      CREATE INDEX runs_by_template ON runs (template_id, started_at, seq);
      CREATE INDEX runs_running ON runs (template_id) WHERE status = 'Running';

      CREATE TABLE record_failures (
        id INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        task_id TEXT NOT NULL,
        source_id TEXT NOT NULL,
        key TEXT,
        code TEXT NOT NULL,
        message TEXT NOT NULL
      );
      CREATE INDEX record_failures_by_run ON record_failures (run_id, id);
    `,
  },
  {
    version: 2,
    name: 'checkpoints and row hashes',
    sql: `
      CREATE TABLE checkpoints (
        task_key TEXT PRIMARY KEY,
        checkpoint TEXT NOT NULL CHECK (json_valid(checkpoint)),
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE row_hashes (
        task_key TEXT NOT NULL,
        key TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (task_key, key)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'natural-key index',
    sql: `
      CREATE TABLE key_index (
        scope TEXT NOT NULL,
        source_id TEXT NOT NULL,
        key TEXT NOT NULL,
        PRIMARY KEY (scope, source_id)
      ) WITHOUT ROWID;
      CREATE INDEX key_index_by_key ON key_index (scope, key);
    `,
  },
  {
    version: 4,
    name: 'number sequences',
    sql: `
      CREATE TABLE sequences (
        name TEXT PRIMARY KEY,
        next_value INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE sequence_reservations (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        value TEXT NOT NULL,
        counter INTEGER NOT NULL,
        confirmed INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
        reserved_at TEXT NOT NULL,
        confirmed_at TEXT,
        UNIQUE (name, value)
      );
      -- An owner holds at most one value it has not yet written back.
      CREATE UNIQUE INDEX sequence_reservations_open ON sequence_reservations (name, owner_id) WHERE confirmed = 0;
      CREATE INDEX sequence_reservations_by_owner ON sequence_reservations (name, owner_id, confirmed);
    `,
  },
  {
    version: 5,
    name: 'deletions, pending records and run locks',
    sql: `
      ALTER TABLE runs ADD COLUMN deleted_count INTEGER NOT NULL DEFAULT 0;

      CREATE TABLE record_deletions (
        id INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        task_id TEXT NOT NULL,
        source_id TEXT NOT NULL,
        key TEXT
      );
      CREATE INDEX record_deletions_by_run ON record_deletions (run_id, id);

      -- id orders records that first failed in the same millisecond.
      CREATE TABLE pending_records (
        id INTEGER PRIMARY KEY,
        task_key TEXT NOT NULL,
        source_id TEXT NOT NULL,
        key TEXT,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        attempts INTEGER NOT NULL CHECK (attempts >= 1),
        first_failed_at TEXT NOT NULL,
        last_failed_at TEXT NOT NULL,
        skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
        UNIQUE (task_key, source_id)
      );
      CREATE INDEX pending_records_oldest ON pending_records (task_key, first_failed_at, id);

      CREATE TABLE run_locks (
        name TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        acquired_at TEXT NOT NULL,
        renewed_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 6,
    name: 'filters and parents: left-out records, synced natural keys',
    sql: `
      ALTER TABLE runs ADD COLUMN filtered_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE runs ADD COLUMN waiting_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE runs ADD COLUMN retried_count INTEGER NOT NULL DEFAULT 0;

      CREATE TABLE record_exclusions (
        id INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        task_id TEXT NOT NULL,
        source_id TEXT NOT NULL,
        key TEXT,
        rule TEXT NOT NULL,
        reason TEXT NOT NULL
      );
      CREATE INDEX record_exclusions_by_run ON record_exclusions (run_id, id);

      -- The latest outcome of each natural key (normalized) that succeeded or was left out by a
      -- filter: later tasks find their parents by them.
      CREATE TABLE synced_keys (
        task_key TEXT NOT NULL,
        key TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('synced', 'excluded')),
        PRIMARY KEY (task_key, key)
      ) WITHOUT ROWID;

      -- The pending record's key as parents are looked up (normalized); null for rows from before.
      ALTER TABLE pending_records ADD COLUMN norm_key TEXT;
      CREATE INDEX pending_records_by_key ON pending_records (task_key, norm_key);
    `,
  },
  {
    version: 7,
    name: 'key changes: the key each record was synced under',
    sql: `
      ALTER TABLE runs ADD COLUMN key_changed_count INTEGER NOT NULL DEFAULT 0;

      -- The natural key each source record was last synced under (as read, and normalized): a
      -- record seen again under another key had its key changed in the source. Apart from
      -- key_index, which a full read's scan refills with the keys records hold now. Records
      -- synced before this migration are known from their next success on.
      CREATE TABLE synced_records (
        task_key TEXT NOT NULL,
        source_id TEXT NOT NULL,
        key TEXT NOT NULL,
        norm_key TEXT NOT NULL,
        PRIMARY KEY (task_key, source_id)
      ) WITHOUT ROWID;

      CREATE TABLE record_key_changes (
        id INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        task_id TEXT NOT NULL,
        source_id TEXT NOT NULL,
        old_key TEXT NOT NULL,
        new_key TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('reported', 'renamed'))
      );
      CREATE INDEX record_key_changes_by_run ON record_key_changes (run_id, id);
    `,
  },
  {
    version: 8,
    name: "run locks: the holder's process start",
    sql: `
      -- With the pid, tells the holder from a later process given the same pid; null before.
      ALTER TABLE run_locks ADD COLUMN process_start TEXT;
    `,
  },
];
