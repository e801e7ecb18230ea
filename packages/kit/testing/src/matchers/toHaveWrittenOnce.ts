import type { WriteLogEntry, WrittenService } from '@p2c/emulator';
import type { MatcherState, MatcherResult } from 'vitest';

interface WriteLogSource {
  writeLog(): WriteLogEntry[];
}

function writeLogOf(received: unknown): WriteLogEntry[] | undefined {
  const hasLog = (value: unknown): value is WriteLogSource =>
    typeof value === 'object' && value !== null && typeof (value as Partial<WriteLogSource>).writeLog === 'function';
  if (hasLog(received)) return received.writeLog();
  const emulator =
    typeof received === 'object' && received !== null ? (received as { emulator?: unknown }).emulator : undefined;
  return hasLog(emulator) ? emulator.writeLog() : undefined;
}

function counts(entry: WriteLogEntry): string {
  return `created ${entry.create}, updated ${entry.update}, deleted ${entry.delete} time(s)`;
}

/**
 * `expect(harness).toHaveWrittenOnce('finops', 'ContactPersonsV2', 'usmf,CON-1')`: the services'
 * APIs created or updated that row exactly once in all the harness ran (an emulator works too).
 * The key is the row's alternate key or id (Sales), or its key fields joined with `,` (F&O);
 * an array of key values is joined for you. Keys compare without regard to case.
 */
export function toHaveWrittenOnce(
  this: MatcherState,
  received: unknown,
  service: WrittenService,
  entitySet: string,
  key: string | readonly (string | number)[],
): MatcherResult {
  const log = writeLogOf(received);
  if (!log) {
    return {
      pass: false,
      message: () => 'toHaveWrittenOnce expects a harness or an emulator (something with writeLog())',
    };
  }
  const wanted = (typeof key === 'string' ? key : key.map(String).join(',')).toLowerCase();
  const inSet = log.filter((entry) => entry.service === service && entry.entitySet === entitySet);
  const entry = inSet.find(
    (candidate) => candidate.key.toLowerCase() === wanted || candidate.id?.toLowerCase() === wanted,
  );
  const writes = entry ? entry.create + entry.update : 0;
  const pass = writes === 1;
  const row = `${service} ${entitySet} '${wanted}'`;
  return {
    pass,
    message: () => {
      if (entry) {
        return pass
          ? `expected ${row} not to have been written exactly once, but it was (${counts(entry)})`
          : `expected ${row} to have been written (created or updated) exactly once, but it was ${counts(entry)}`;
      }
      const others = inSet.slice(0, 10).map((other) => `${other.key} (${counts(other)})`);
      const more = inSet.length > 10 ? `, and ${inSet.length - 10} more` : '';
      return `expected ${row} to have been written exactly once, but it was never written; written to ${entitySet}: ${others.length > 0 ? others.join('; ') + more : 'nothing'}`;
    },
  };
}
