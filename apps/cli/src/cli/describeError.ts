import { isP2cError } from '@p2c/core';
import { EXIT } from './exitCodes.js';

/** An error that ended a command: the text for stderr and the exit code. */
export function describeError(error: unknown): { message: string; exitCode: number } {
  if (isP2cError(error)) {
    return { message: error.message, exitCode: error.kind === 'config' ? EXIT.Config : EXIT.Error };
  }
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return { message: `${error.message}${cause}`, exitCode: EXIT.Error };
  }
  return { message: String(error), exitCode: EXIT.Error };
}
