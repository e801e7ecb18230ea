import type { ProjectRunResult } from '@p2c/core';
import { formatCount } from './formatNumbers.js';
import { renderTable } from './renderTable.js';

/** The lines a project run ends with: each template's outcome and counts, in the order they ran. */
export function renderProjectEnd(result: ProjectRunResult): string {
  const count = { align: 'right' } as const;
  const rows = [
    ...result.runs.map((run) => [
      run.templateId,
      run.status,
      ...[
        run.counts.read,
        run.counts.created,
        run.counts.updated,
        run.counts.unchanged,
        run.counts.failed,
        run.counts.waiting,
        run.counts.filtered,
      ].map(formatCount),
    ]),
    ...result.notRun.map((id) => [id, 'not run (an earlier template stopped)', '', '', '', '', '', '', '']),
  ];
  const columns = [
    { header: 'TEMPLATE' },
    { header: 'STATUS' },
    { header: 'READ', ...count },
    { header: 'CREATED', ...count },
    { header: 'UPDATED', ...count },
    { header: 'UNCHANGED', ...count },
    { header: 'FAILED', ...count },
    { header: 'WAITING', ...count },
    { header: 'LEFT OUT', ...count },
  ];
  return `\nProject ${result.project}:\n${renderTable(columns, rows)}`;
}
