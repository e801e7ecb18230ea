import type { ProjectRunResult } from '../commands/runProject.js';
import { renderTable } from './renderTable.js';

/** The lines a project run ends with: each template's outcome, in the order they ran. */
export function renderProjectEnd(result: ProjectRunResult): string {
  const rows = [
    ...result.runs.map((run) => [run.templateId, run.status]),
    ...result.notRun.map((id) => [id, 'not run (an earlier template ended in Error)']),
  ];
  return `\nProject ${result.project}:\n${renderTable([{ header: 'TEMPLATE' }, { header: 'STATUS' }], rows)}`;
}
