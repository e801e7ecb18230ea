import type { LockOwner } from '@p2c/core';

/** The part of a `run_locks` row that decides who may take the lock. */
export interface LockRow {
  owner_id: string;
  host: string;
  pid: number;
  /** Null for locks taken before it was recorded, or where the OS does not say. */
  process_start: string | null;
  expires_at: string;
}

export function toLockOwner(row: LockRow): LockOwner {
  const owner: LockOwner = { id: row.owner_id, host: row.host, pid: row.pid };
  if (row.process_start !== null) owner.processStart = row.process_start;
  return owner;
}
