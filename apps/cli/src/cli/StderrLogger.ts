import type { LogFields, Logger, LogLevel } from '@p2c/core';
import type { Terminal } from './Terminal.js';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Log lines on stderr, through the terminal's redactor; fields as `key=value`. */
export class StderrLogger implements Logger {
  constructor(
    private readonly terminal: Terminal,
    private readonly level: LogLevel,
  ) {}

  debug(message: string, fields?: LogFields): void {
    this.#log('debug', message, fields);
  }

  info(message: string, fields?: LogFields): void {
    this.#log('info', message, fields);
  }

  warn(message: string, fields?: LogFields): void {
    this.#log('warn', message, fields);
  }

  error(message: string, fields?: LogFields): void {
    this.#log('error', message, fields);
  }

  #log(level: LogLevel, message: string, fields: LogFields | undefined): void {
    if (RANK[level] < RANK[this.level]) return;
    const extra = fields
      ? Object.entries(fields)
          .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
          .join(' ')
      : '';
    this.terminal.err(`${level === 'info' ? '' : `${level}: `}${message}${extra ? ` ${extra}` : ''}\n`);
  }
}
