import type { LockOwner } from '@p2c/core';

/** The part of a `run_locks` row that decides who may take the lock. */
export interface LockRow {
  owner_id: string;
  host: string;
  pid: number;
  expires_at: string;
}

export function toLockOwner(row: LockRow): LockOwner {
  return { id: row.owner_id, host: row.host, pid: row.pid };
}
