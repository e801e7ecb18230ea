import type { RecordDeletion, RecordExclusion, RecordFailure, RecordKeyChange, RunRecord } from '@p2c/core';
import { formatCount, formatDuration, formatTime } from './formatNumbers.js';
import { renderFailures, renderKeyChanges, shortId } from './renderSummary.js';
import { renderPairs, renderTable } from './renderTable.js';

export function renderRunList(runs: readonly RunRecord[]): string {
  if (runs.length === 0) return "No runs yet. Start one with 'p2c run <template>'.\n";
  return renderTable(
    [
      { header: 'RUN' },
      { header: 'STARTED' },
      { header: 'TEMPLATE' },
      { header: 'MODE' },
      { header: 'STATUS' },
      { header: 'READ', align: 'right' },
      { header: 'CREATED', align: 'right' },
      { header: 'UPDATED', align: 'right' },
      { header: 'UNCHANGED', align: 'right' },
      { header: 'FAILED', align: 'right' },
      { header: 'WAITING', align: 'right' },
      { header: 'LEFT OUT', align: 'right' },
      { header: 'KEYS', align: 'right' },
      { header: 'TOOK', align: 'right' },
    ],
    runs.map((run) => [
      shortId(run.id),
      formatTime(run.startedAt),
      run.templateId,
      run.mode,
      run.status,
      formatCount(run.counts.read),
      formatCount(run.counts.created),
      formatCount(run.counts.updated),
      formatCount(run.counts.unchanged),
      formatCount(run.counts.failed),
      formatCount(run.counts.waiting),
      formatCount(run.counts.filtered),
      formatCount(run.counts.keysGenerated),
      durationOf(run),
    ]),
  );
}

export function renderRunDetail(
  run: RunRecord,
  failures: readonly RecordFailure[],
  deletions: readonly RecordDeletion[] = [],
  excluded: readonly RecordExclusion[] = [],
  keyChanges: readonly RecordKeyChange[] = [],
): string {
  const pairs: [string, string][] = [
    ['Run', run.id],
    ['Template', run.templateId],
    ['Mode', run.mode],
    ['Status', run.status],
    ['Started', formatTime(run.startedAt)],
    ['Finished', run.finishedAt ? formatTime(run.finishedAt) : '-'],
    ['Took', durationOf(run)],
    ['Read', formatCount(run.counts.read)],
    ['Created', formatCount(run.counts.created)],
    ['Updated', formatCount(run.counts.updated)],
    ['Unchanged', formatCount(run.counts.unchanged)],
    ['Failed', formatCount(run.counts.failed)],
    ['Waiting for a parent', formatCount(run.counts.waiting)],
    ['Tried again (failed before)', formatCount(run.counts.retried)],
    ['Left out by a filter', formatCount(run.counts.filtered)],
    ['Keys generated', formatCount(run.counts.keysGenerated)],
    ['Deleted in the source', formatCount(run.counts.deleted)],
    ['Key changed in the source', formatCount(run.counts.keyChanged)],
  ];
  if (run.message) pairs.push(['Stopped by', run.message]);
  let text = renderPairs(pairs);
  if (failures.length > 0) {
    const more =
      run.counts.failed > failures.length
        ? ` (first ${formatCount(failures.length)} of ${formatCount(run.counts.failed)}; --limit shows more)`
        : '';
    text += `\nFailed records${more}:\n${renderFailures(failures)}`;
  } else if (run.counts.failed === 0 && run.counts.waiting === 0) {
    text += '\nNo record failed.\n';
  }
  if (excluded.length > 0) {
    const more =
      run.counts.filtered > excluded.length
        ? ` (first ${formatCount(excluded.length)} of ${formatCount(run.counts.filtered)})`
        : '';
    text += `\nLeft out by a filter${more}:\n`;
    text += renderTable(
      [{ header: 'KEY' }, { header: 'TASK' }, { header: 'RULE' }, { header: 'KEEPS' }],
      excluded.map((e) => [e.key ?? `(none) ${e.sourceId}`, e.taskId, e.rule, e.reason]),
    );
  }
  if (keyChanges.length > 0) {
    text += `\nKey changed in the source (written under the new key; the destination still holds the old one unless renamed):\n`;
    text += renderKeyChanges(keyChanges);
  }
  if (deletions.length > 0) {
    text += `\nDeleted in the source (not deleted in the destination):\n`;
    text += renderTable(
      [{ header: 'SOURCE ID' }, { header: 'TASK' }],
      deletions.map((d) => [d.sourceId, d.taskId]),
    );
  }
  return text;
}

function durationOf(run: RunRecord): string {
  if (!run.finishedAt) return '-';
  return formatDuration(new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime());
}
