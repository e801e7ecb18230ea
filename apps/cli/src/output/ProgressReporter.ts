import type { ProgressEvent } from '@p2c/core';
import type { Terminal } from '../cli/Terminal.js';
import { formatCount } from './formatNumbers.js';

const BAR_WIDTH = 24;
/** Plain (non-terminal) output prints at most one line per this many ms. */
const PLAIN_INTERVAL_MS = 2000;

/**
 * Shows a run's progress on stderr: a bar redrawn in place on a terminal, plain lines now and
 * then otherwise (logs, CI). Log lines written meanwhile clear the bar first.
 */
export class ProgressReporter {
  #line = '';
  #lastPlain = 0;
  #lastEvent: ProgressEvent | null = null;
  #lastPrinted: ProgressEvent | null = null;
  readonly #plainPrinted = new Set<string>();

  constructor(
    private readonly terminal: Terminal,
    private readonly now: () => number = Date.now,
  ) {
    if (terminal.stderrIsTTY) terminal.beforeStderr = () => this.#clear();
  }

  readonly onProgress = (event: ProgressEvent): void => {
    this.#lastEvent = event;
    if (this.terminal.stderrIsTTY) {
      this.#draw(describe(event, true, this.terminal.stderrColumns));
      return;
    }
    const phaseKey = `${event.taskId}/${event.phase}`;
    const due = this.now() - this.#lastPlain >= PLAIN_INTERVAL_MS || !this.#plainPrinted.has(phaseKey);
    if (!due) return;
    this.#plainPrinted.add(phaseKey);
    this.#lastPlain = this.now();
    this.#lastPrinted = event;
    this.terminal.err(`${describe(event, false, Infinity)}\n`);
  };

  /** Leaves the last state on screen (terminal) or prints it (plain), then lets go of stderr. */
  finish(): void {
    if (this.terminal.stderrIsTTY) {
      if (this.#line) this.terminal.endLine();
      this.#line = '';
      this.terminal.beforeStderr = null;
    } else if (this.#lastEvent && this.#lastEvent !== this.#lastPrinted) {
      this.terminal.err(`${describe(this.#lastEvent, false, Infinity)}\n`);
    }
    this.#lastEvent = null;
  }

  #draw(line: string): void {
    if (line === this.#line) return;
    this.terminal.redrawLine(line);
    this.#line = line;
  }

  #clear(): void {
    if (!this.#line) return;
    this.terminal.clearLine();
    this.#line = '';
  }
}

function describe(event: ProgressEvent, tty: boolean, columns: number): string {
  if (event.phase === 'scan') {
    return fit([`${event.taskId}  checking keys for duplicates: ${formatCount(event.scanned)} scanned`], columns);
  }
  const { counts, total } = event;
  const full = `created ${formatCount(counts.created)}  updated ${formatCount(counts.updated)}  unchanged ${formatCount(counts.unchanged)}  failed ${formatCount(counts.failed)}`;
  const short = `${formatCount(counts.created + counts.updated)} written  ${formatCount(counts.failed)} failed`;
  if (total === null || total === 0) {
    const read = `${formatCount(counts.read)} read`;
    return fit(
      [`${event.taskId}  ${read}  ${full}`, `${event.taskId}  ${read}  ${short}`, `${read}  ${short}`],
      columns,
    );
  }
  const ratio = Math.min(1, counts.read / total);
  const percent = `${String(Math.floor(ratio * 100)).padStart(3)}%`;
  const position = `${formatCount(counts.read)}/${formatCount(total)}`;
  if (!tty) return `${event.taskId}  ${percent} ${position}  ${full}`;
  const filled = Math.round(ratio * BAR_WIDTH);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
  // The widest line that fits the terminal: the bar keeps its place, details give way.
  return fit(
    [
      `${event.taskId} ${bar} ${percent} ${position}  ${full}`,
      `${event.taskId} ${bar} ${percent} ${position}  ${short}`,
      `${bar} ${percent} ${position}  ${short}`,
      `${bar} ${percent}`,
    ],
    columns,
  );
}

/** A redrawn line must not wrap, or `\r` no longer returns to its start. */
function fit(candidates: readonly string[], columns: number): string {
  const max = Math.max(20, columns - 1);
  const fitting = candidates.find((line) => line.length <= max);
  if (fitting) return fitting;
  const last = candidates.at(-1);
  if (last === undefined) throw new Error('fit: there is no candidate line to fit');
  return last.length <= max ? last : `${last.slice(0, max - 1)}…`;
}
