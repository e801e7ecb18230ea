import type { Redactor } from '@p2c/core';
import { printable, printableJson } from '../output/printable.js';

/** Back to the start of the line, and erase it (VT100). */
const CLEAR_LINE = '\r\x1b[2K';

/** Where the CLI writes: a stream that may be a terminal. */
export interface TextSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** What a CLI invocation is given from outside; tests pass their own. */
export interface CliEnvironment {
  stdout: TextSink;
  stderr: TextSink;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Resolves when the user asks the process to stop (SIGINT/SIGTERM). */
  stopSignal: () => Promise<string>;
}

/**
 * The CLI's only way to print: everything goes through the redactor, so a secret that reached a
 * message by any path is masked before it leaves the process, and is then made printable, so
 * text from a remote system (a record's name, a service's error) cannot drive the terminal. The
 * only control sequences that leave are the progress line's own, written here.
 */
export class Terminal {
  /** Called before stderr is written, so a progress line can get out of the way. */
  beforeStderr: (() => void) | null = null;

  constructor(
    private readonly environment: Pick<CliEnvironment, 'stdout' | 'stderr'>,
    readonly redactor: Redactor,
  ) {}

  get stderrIsTTY(): boolean {
    return this.environment.stderr.isTTY === true;
  }

  get stderrColumns(): number {
    // A pseudo-terminal may report 0 columns.
    return this.environment.stderr.columns || 100;
  }

  out(text: string): void {
    this.environment.stdout.write(this.#safe(text));
  }

  err(text: string): void {
    this.beforeStderr?.();
    this.environment.stderr.write(this.#safe(text));
  }

  /** Draws `line` over the current stderr line (a progress bar on a terminal), without a newline. */
  redrawLine(line: string): void {
    this.environment.stderr.write(`${CLEAR_LINE}${this.#safe(line)}`);
  }

  /** Clears the line `redrawLine` drew. */
  clearLine(): void {
    this.environment.stderr.write(CLEAR_LINE);
  }

  /** Leaves the line `redrawLine` drew on screen and moves below it. */
  endLine(): void {
    this.environment.stderr.write('\n');
  }

  /**
   * Writes text that is public by design (the emulator's published test secret in `init`'s
   * export lines), which the redactor's credential patterns would otherwise mask.
   */
  outPublic(text: string): void {
    this.environment.stdout.write(printable(text));
  }

  /** The value as one line of JSON: `JSON.parse` of it gives the value back exactly, secrets masked. */
  json(value: unknown): void {
    this.environment.stdout.write(`${printableJson(this.redactor.redact(JSON.stringify(value)))}\n`);
  }

  #safe(text: string): string {
    return printable(this.redactor.redact(text));
  }
}
