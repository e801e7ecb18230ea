import type { RecordFailure } from '@p2c/core';
import { formatCount } from './formatNumbers.js';
import { renderTable } from './renderTable.js';

/** Failures grouped by their code, most frequent first, each with one example message. */
export function renderFailureReasons(failures: readonly RecordFailure[]): string {
  const byCode = new Map<string, { count: number; example: RecordFailure }>();
  for (const failure of failures) {
    const entry = byCode.get(failure.code);
    if (entry) entry.count += 1;
    else byCode.set(failure.code, { count: 1, example: failure });
  }
  const rows = [...byCode.entries()]
    .sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b))
    .map(([code, { count, example }]) => [formatCount(count), code, example.message]);
  return renderTable([{ header: 'RECORDS', align: 'right' }, { header: 'CODE' }, { header: 'EXAMPLE' }], rows);
}
