import type { Checkpoint } from './Checkpoint.js';

/** One row read from a source system, as that system returns it. */
export interface SourceRecord<T = Record<string, unknown>> {
  /** The row's stable id in its own system (a Dataverse GUID, an F&O key string). */
  id: string;
  data: T;
}

/**
 * A page of rows. `checkpoint` is where a later read may resume once every record of this
 * page, and of the pages before it, has a stored outcome; null when the read cannot resume
 * from here.
 */
export interface SourcePage<T = Record<string, unknown>> {
  records: SourceRecord<T>[];
  /** Ids of records deleted since the checkpoint the read started from (change tracking). */
  deleted?: string[];
  checkpoint: Checkpoint | null;
}

export interface ReadOptions {
  /** Resume after this checkpoint; null reads everything. */
  checkpoint: Checkpoint | null;
  pageSize: number;
  signal?: AbortSignal;
  /** Where the source says what it decided (e.g. "change-tracking token expired: reading everything"). */
  log?: (message: string) => void;
}

/** The natural key a record holds now (null when it has none yet). */
export interface KeyHolder {
  id: string;
  key: string | null;
}

/** A key generated for a record that must be written back to the source before use. */
export interface KeyAssignment {
  id: string;
  key: string;
}

export type KeyAssignmentOutcome = { id: string; ok: true } | { id: string; ok: false; message: string };

/** New values for some fields of a record that exists (an upgrade script's flag, for one). */
export interface FieldUpdate {
  id: string;
  values: Record<string, string | number | boolean | null>;
}

/**
 * One entity of a source system, read in pages. The optional members are the natural-key
 * capabilities a template may need (duplicate detection, number sequences with write-back).
 */
export interface RecordSource<T = Record<string, unknown>> {
  readonly entity: string;
  read(options: ReadOptions): AsyncIterable<SourcePage<T>>;
  /** The records with these ids as they are now; ids that no longer exist are left out. */
  readByIds?(ids: readonly string[]): Promise<SourceRecord<T>[]>;
  /** Every record's id and natural key, page by page (a narrow read for duplicate checks). */
  scanKeys?(keyField: string, options: { pageSize: number; signal?: AbortSignal }): AsyncIterable<KeyHolder[]>;
  /** Ids of the records whose natural key is `key` now. */
  findIdsByKey?(keyField: string, key: string): Promise<string[]>;
  /** Writes generated keys back to their records; one outcome per assignment. */
  writeKeys?(keyField: string, assignments: KeyAssignment[]): Promise<KeyAssignmentOutcome[]>;
  /** Updates fields of existing records, never creating one; one outcome per update. */
  updateFields?(updates: FieldUpdate[]): Promise<KeyAssignmentOutcome[]>;
}
