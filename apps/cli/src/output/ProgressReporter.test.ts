import { emptyCounts, Redactor, type ProgressEvent } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { Terminal } from '../cli/Terminal.js';
import { ProgressReporter } from './ProgressReporter.js';

function aTerminal(isTTY: boolean) {
  const written: string[] = [];
  const sink = { isTTY, columns: 200, write: (text: string) => written.push(text) };
  return { terminal: new Terminal({ stdout: sink, stderr: sink }, new Redactor()), written };
}

const TASK = 'Accounts - Account - Customers';
/** Carriage return, then ANSI erase-line (ESC [2K): how a redraw starts. */
const CLEAR_LINE = '\r\u001b[2K';
const sync = (read: number, total: number | null): ProgressEvent => ({
  phase: 'sync',
  taskId: TASK,
  total,
  counts: { ...emptyCounts(), read, created: read - 1, failed: 1 },
});

describe('ProgressReporter', () => {
  it('redraws one line in place on a terminal and ends it on finish', () => {
    const { terminal, written } = aTerminal(true);
    const progress = new ProgressReporter(terminal);
    progress.onProgress(sync(500, 1000));
    progress.onProgress(sync(1000, 1000));
    progress.finish();
    expect(written).toHaveLength(3);
    expect(written[0]!.slice(0, CLEAR_LINE.length)).toBe(CLEAR_LINE);
    expect(written[0]).toContain('████████████░░░░░░░░░░░░  50% 500/1,000');
    expect(written[1]).toContain('100% 1,000/1,000  created 999  updated 0  unchanged 0  failed 1');
    expect(written[2]).toBe('\n');
  });

  it('clears the bar before a log line is written on stderr', () => {
    const { terminal, written } = aTerminal(true);
    const progress = new ProgressReporter(terminal);
    progress.onProgress(sync(500, 1000));
    terminal.err('warn: slow down\n');
    expect(written.slice(1)).toEqual(['\r\x1b[2K', 'warn: slow down\n']);
    progress.finish();
  });

  it('prints plain lines at most every two seconds when stderr is not a terminal', () => {
    const { terminal, written } = aTerminal(false);
    let now = 0;
    const progress = new ProgressReporter(terminal, () => now);
    progress.onProgress({ phase: 'scan', taskId: TASK, scanned: 3000 });
    progress.onProgress(sync(500, 3000));
    now = 1000;
    progress.onProgress(sync(1000, 3000));
    now = 2500;
    progress.onProgress(sync(1500, 3000));
    progress.onProgress(sync(3000, 3000));
    progress.finish();
    expect(written).toEqual([
      `${TASK}  checking keys for duplicates: 3,000 scanned\n`,
      `${TASK}   16% 500/3,000  created 499  updated 0  unchanged 0  failed 1\n`,
      `${TASK}   50% 1,500/3,000  created 1,499  updated 0  unchanged 0  failed 1\n`,
      `${TASK}  100% 3,000/3,000  created 2,999  updated 0  unchanged 0  failed 1\n`,
    ]);
    expect(written.join('')).not.toContain('\r');
  });

  it('counts records read when the total is not known', () => {
    const { terminal, written } = aTerminal(false);
    const progress = new ProgressReporter(terminal);
    progress.onProgress(sync(42, null));
    expect(written[0]).toBe(`${TASK}  42 read  created 41  updated 0  unchanged 0  failed 1\n`);
  });
});

describe('the progress line on a narrow terminal', () => {
  it('gives up details before the bar, and never wraps', () => {
    const written: string[] = [];
    const sink = { isTTY: true, columns: 80, write: (text: string) => written.push(text) };
    const progress = new ProgressReporter(new Terminal({ stdout: sink, stderr: sink }, new Redactor()));
    progress.onProgress(sync(1500, 3000));
    const line = written[0]!.replace('\r\x1b[2K', '');
    expect(line.length).toBeLessThan(80);
    expect(line).toBe('████████████░░░░░░░░░░░░  50% 1,500/3,000  1,499 written  1 failed');
  });
});
