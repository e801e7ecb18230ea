import type { RecordFailure, RecordKeyChange, RunOutcome, RunSummary } from '@p2c/core';
import { formatCount, formatDuration } from './formatNumbers.js';
import { renderPairs, renderTable } from './renderTable.js';

const FAILURES_SHOWN = 10;
const PLANNED_SHOWN = 20;
const KEY_CHANGES_SHOWN = 10;

const OUTCOME_MEANING: Readonly<Record<RunOutcome, string>> = {
  Completed: 'every record was written or found unchanged',
  Warning: 'some records failed or wait for a parent; they are tried again on the next run',
  Error: 'no record succeeded, or the run stopped',
};

/**
 * The table a run ends with. `keyLabel` is what the template calls its natural key
 * (`account number`).
 */
export function renderSummary(summary: RunSummary, keyLabel: string): string {
  const { counts } = summary;
  const dry = summary.dryRun;
  const title = `${summary.templateName}: ${summary.mode} run${dry ? ' (dry run: nothing was written)' : ''}`;
  const numbers: [string, number][] = [
    ['Read', counts.read],
    [dry ? 'Would create' : 'Created', counts.created],
    [dry ? 'Would update' : 'Updated', counts.updated],
    ['Unchanged', counts.unchanged],
    ['Failed', counts.failed],
    [`${capitalize(keyLabel)}s ${dry ? 'to generate' : 'generated'}`, counts.keysGenerated],
  ];
  // Deletions in the source are reported, never applied to the destination by default.
  if (counts.deleted > 0) numbers.push(['Deleted in the source', counts.deleted]);
  if (counts.waiting > 0) numbers.push(['Waiting for a parent', counts.waiting]);
  if (counts.filtered > 0) numbers.push(['Left out by a filter', counts.filtered]);
  if (counts.retried > 0) numbers.push(['Tried again (failed before)', counts.retried]);
  if (counts.keyChanged > 0) numbers.push([`${capitalize(keyLabel)}s changed in the source`, counts.keyChanged]);
  const width = Math.max(...numbers.map(([, n]) => formatCount(n).length));
  const pairs: [string, string][] = [
    ...numbers.map(([label, n]): [string, string] => [label, formatCount(n).padStart(width)]),
    ['Time taken', formatDuration(summary.durationMs)],
    ['Status', `${summary.status} (${meaningOf(summary, keyLabel)})`],
  ];
  if (summary.runId) {
    const id = shortId(summary.runId);
    pairs.push([
      'Run',
      `${id}  ('p2c history ${id}' ${counts.failed > 0 ? 'lists every failure' : counts.filtered > 0 ? 'lists what was left out' : 'shows it again'})`,
    ]);
  }
  let text = `\n${title}\n${indent(renderPairs(pairs))}`;
  if (summary.message) text += `\nStopped: ${summary.message}\n`;
  for (const note of summary.notes) text += `\nNote: ${note}\n`;
  if (summary.failures.length > 0) {
    const shown = summary.failures.slice(0, FAILURES_SHOWN);
    text += `\nFirst failures (${shown.length} of ${formatCount(counts.failed + counts.waiting)}):\n${renderFailures(shown)}`;
  }
  if (summary.keyChanges.length > 0) {
    const shown = summary.keyChanges.slice(0, KEY_CHANGES_SHOWN);
    text += `\n${capitalize(keyLabel)}s changed in the source (${shown.length} of ${formatCount(counts.keyChanged)}; `;
    text += `each ${dry ? 'would be' : 'was'} written under its new ${keyLabel}, and the destination still holds the old one):\n`;
    text += renderKeyChanges(shown);
  }
  if (dry && summary.planned.length > 0) {
    const shown = summary.planned.slice(0, PLANNED_SHOWN);
    const total = counts.created + counts.updated;
    text += `\nWould write (${shown.length} of ${formatCount(total)}):\n`;
    text += renderTable(
      [{ header: 'ACTION' }, { header: 'KEY' }, { header: 'TASK' }],
      shown.map((p) => [p.status === 'created' ? 'create' : 'update', p.key, p.taskId]),
    );
  }
  return text;
}

/** A Warning that only key changes caused says so, rather than speak of failures that did not happen. */
function meaningOf(summary: RunSummary, keyLabel: string): string {
  const { counts } = summary;
  if (summary.status === 'Warning' && counts.failed === 0 && counts.waiting === 0 && counts.keyChanged > 0) {
    return `some ${keyLabel}s changed in the source; the destination still holds them under the old one too`;
  }
  return OUTCOME_MEANING[summary.status];
}

export function renderFailures(failures: readonly RecordFailure[]): string {
  return renderTable(
    [{ header: 'KEY' }, { header: 'CODE' }, { header: 'MESSAGE' }],
    failures.map((f) => [f.key ?? `(none) ${f.sourceId}`, f.code, f.message]),
  );
}

export function renderKeyChanges(changes: readonly RecordKeyChange[]): string {
  return renderTable(
    [{ header: 'SOURCE ID' }, { header: 'OLD KEY' }, { header: 'NEW KEY' }, { header: 'TASK' }, { header: 'ACTION' }],
    changes.map((c) => [c.sourceId, c.oldKey, c.newKey, c.taskId, c.action]),
  );
}

export function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n');
}
