import type { Redactor } from '@p2c/core';

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
 * message by any path is masked before it leaves the process.
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
    this.environment.stdout.write(this.redactor.redact(text));
  }

  err(text: string): void {
    this.beforeStderr?.();
    this.environment.stderr.write(this.redactor.redact(text));
  }

  /** Writes to stderr without clearing a progress line first (the progress line itself). */
  errRaw(text: string): void {
    this.environment.stderr.write(this.redactor.redact(text));
  }

  /**
   * Writes text that is public by design (the emulator's published test secret in `init`'s
   * export lines), which the redactor's credential patterns would otherwise mask.
   */
  outPublic(text: string): void {
    this.environment.stdout.write(text);
  }

  json(value: unknown): void {
    this.out(`${JSON.stringify(value)}\n`);
  }
}
