import type { BenchResult } from '../bench/BenchResult.js';

const MB = 1024 * 1024;

function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  rightAligned: ReadonlySet<number>,
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        rightAligned.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

const int = (value: number) => Math.round(value).toLocaleString('en-US');
const rate = (value: number | null) => (value === null ? 'n/a' : int(value));
const seconds = (ms: number | null) => (ms === null ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
const pct = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
const mb = (bytes: number | null) => (bytes === null ? 'n/a' : (bytes / MB).toFixed(1));

/** The figures as tables: the full run against the ceiling, the incremental pass, the targets. */
export function renderResult(result: BenchResult): string {
  const { full, incremental, ceiling } = result;
  const fullTable = table(
    [
      'SIZE',
      'RECORDS',
      'REC/S',
      'REC/S (RUN)',
      'CEILING REC/S',
      'FRACTION',
      'READS/1K',
      'WRITES/1K',
      'BATCH OPS/1K',
      'PEAK RSS MB',
      'WALL',
      'STATUS',
    ],
    [
      [
        result.size,
        int(result.records),
        rate(full.recordsPerSecond),
        rate(full.runRecordsPerSecond),
        rate(ceiling.recordsPerSecond),
        pct(full.fractionOfCeiling),
        full.readsPer1k.toFixed(2),
        full.writesPer1k.toFixed(2),
        full.batchOperationsPer1k.toFixed(1),
        mb(full.peakRssBytes),
        seconds(full.wallMs),
        full.status ?? `exit ${full.exitCode}`,
      ],
      ['target', '', '', '', '', '>= 80% @100k', '<= 1', '<= 10', '', '< 300', '', 'Completed'],
    ],
    new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
  );
  const incrementalTable = table(
    [
      'INCREMENTAL',
      'CHANGED',
      'READ',
      'WRITTEN',
      'READ REQ',
      'WRITE REQ',
      'BATCH OPS',
      'PEAK RSS MB',
      'TIME (RUN)',
      'WALL',
      'STATUS',
    ],
    [
      [
        result.size,
        int(incremental.changed),
        int(incremental.read),
        int(incremental.written),
        int(incremental.requests.reads),
        int(incremental.requests.writes),
        int(incremental.requests.batchOperations),
        mb(incremental.peakRssBytes),
        seconds(incremental.runMs),
        seconds(incremental.wallMs),
        incremental.status ?? `exit ${incremental.exitCode}`,
      ],
      [
        'target',
        '',
        '= changed',
        '= changed',
        '',
        `<= ${Math.ceil(incremental.changed / result.settings.batchSize)}`,
        '',
        '',
        '',
        '',
        'Completed',
      ],
    ],
    new Set([1, 2, 3, 4, 5, 6, 7, 8, 9]),
  );
  const targets = table(
    ['TARGET', 'WANTED', 'MEASURED', 'MET'],
    result.targets.map((check) => [
      check.name,
      check.target,
      check.measured,
      check.met === null ? '-' : check.met ? 'yes' : 'NO',
    ]),
    new Set(),
  );
  const notes = [
    `Ceiling: ${int(ceiling.succeeded)} of ${int(ceiling.records)} CustomersV3 POSTs in ${int(ceiling.batches)} $batches ` +
      `(${ceiling.batchSize} per batch, change sets of ${ceiling.changesetSize}, ${ceiling.concurrency} in flight) in ${seconds(ceiling.elapsedMs)}.`,
    `Full run: ${int(full.requests.reads)} read and ${int(full.requests.writes)} write requests (${int(full.requests.batches)} $batches ` +
      `carrying ${int(full.requests.batchOperations)} operations), ${int(full.requests.tokens)} token requests; pageSize ${result.settings.pageSize}, batchSize ${result.settings.batchSize}.`,
    `Emulator, rest of the job (same emulator after the ceiling): Sales read ${rate(result.ceilingParts.salesRead.recordsPerSecond)} records/s ` +
      `(${result.ceilingParts.salesRead.pages} pages), account-number write-back ${rate(result.ceilingParts.writeBack.recordsPerSecond)} records/s ` +
      `(timed on ${int(result.ceilingParts.writeBack.records)} of the ${int(result.ceilingParts.writeBack.withoutNumber)} accounts without a number); ` +
      `whole job ${rate(result.ceilingParts.jobRecordsPerSecond)} records/s, sync at ${pct(full.fractionOfJobCeiling)} of it.`,
    ...(ceiling.problems.length > 0 ? [`Ceiling problems: ${ceiling.problems.join(' | ')}`] : []),
  ];
  return `${fullTable}\n\n${incrementalTable}\n\n${targets}\n\n${notes.join('\n')}\n`;
}
