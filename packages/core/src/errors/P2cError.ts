/**
 * The error taxonomy. Every error p2c raises says how the run should treat it:
 * - `config`: the configuration is wrong; nothing runs until it is fixed.
 * - `record`: one record is bad (data, validation); it fails alone and the run goes on.
 * - `transient`: the remote side may succeed later (throttling, 5xx, network); retry with back-off.
 * - `fatal`: the run cannot go on (authentication, a missing entity, a broken state store).
 */
export type ErrorKind = 'config' | 'record' | 'transient' | 'fatal';

export interface P2cErrorOptions {
  /** A short stable code a script can match on, e.g. `VALUE_MAP_MISS`. */
  code: string;
  cause?: unknown;
  /**
   * The service took no request at all just then (throttled, unavailable, unreachable), so what
   * was sent played no part in the failure: sending it again in parts would only add load.
   */
  serviceUnavailable?: boolean;
}

export abstract class P2cError extends Error {
  abstract readonly kind: ErrorKind;
  readonly code: string;
  readonly serviceUnavailable: boolean;

  constructor(message: string, options: P2cErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.serviceUnavailable = options.serviceUnavailable ?? false;
  }
}

export class ConfigError extends P2cError {
  readonly kind = 'config' as const;
}

export interface RecordErrorOptions extends P2cErrorOptions {
  /** The field the problem is in, named as the mapping names it. */
  field?: string;
  /** The offending value, as text. */
  value?: string;
}

export class RecordError extends P2cError {
  readonly kind = 'record' as const;
  readonly field: string | undefined;
  readonly value: string | undefined;

  constructor(message: string, options: RecordErrorOptions) {
    super(message, options);
    this.field = options.field;
    this.value = options.value;
  }
}

export class TransientError extends P2cError {
  readonly kind = 'transient' as const;
}

export class FatalError extends P2cError {
  readonly kind = 'fatal' as const;
}

export function isP2cError(error: unknown): error is P2cError {
  return error instanceof P2cError;
}
