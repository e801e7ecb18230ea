/** A row to upsert, addressed by its natural key. */
export interface WriteRequest<R = Record<string, unknown>> {
  /** The natural key as one string (the task's key fields joined); outcomes name it. */
  key: string;
  row: R;
  /** The state store says this key was written before: the destination may update directly. */
  knownToExist: boolean;
}

export type WriteStatus = 'created' | 'updated' | 'unchanged';

export type WriteOutcome =
  | { key: string; status: WriteStatus }
  | { key: string; status: 'failed'; code: string; message: string; retryable: boolean };

export interface WriteOptions {
  /** Work out what would be created and updated, change nothing. */
  dryRun: boolean;
  /** Records per atomic group (change set) when the destination groups writes; default 1. */
  changesetSize?: number;
  signal?: AbortSignal;
}

/** One entity of a destination system, written in batches as upserts by natural key. */
export interface RecordDestination<R = Record<string, unknown>> {
  readonly entity: string;
  /** One outcome per request, whatever happens to the others. */
  write(batch: WriteRequest<R>[], options: WriteOptions): Promise<WriteOutcome[]>;
  /**
   * Renames the record held under natural key `from` to `to`, with everything that refers to
   * it, as a destination's own rename does. Only a destination that can do so through its API
   * has this: a task's `onKeyChange: 'rename'` is refused for any other. The outcome names `to`.
   */
  renameKey?(from: string, to: string, options: WriteOptions): Promise<WriteOutcome>;
}
