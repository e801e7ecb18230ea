import type { RecordFailure } from '@p2c/core';
import type { MatcherState, MatcherResult } from 'vitest';
import { describeValue } from './describeValue.js';
import { summaryList } from './summaryList.js';

/** What the failure must say; absent parts are not checked. */
export interface ExpectedFailure {
  code?: string;
  /** The whole message, or a pattern it must match. */
  message?: string | RegExp;
  taskId?: string;
}

function describeFailure(failure: RecordFailure): string {
  return `${failure.taskId} ${failure.key ?? failure.sourceId}: ${failure.code} ${describeValue(failure.message)}`;
}

/**
 * `expect(summary).toHaveFailedWith('QUO-UNIT|1', { code: 'VALUE_MAP_MISS', message: /Dozen/ })`:
 * the run summary lists a failure of the record with that key (or source id) saying so. A
 * summary lists the first failures only; the run's history has them all.
 */
export function toHaveFailedWith(
  this: MatcherState,
  received: unknown,
  key: string,
  expected: ExpectedFailure = {},
): MatcherResult {
  const failures = summaryList(received, 'failures');
  if (!failures)
    return { pass: false, message: () => `toHaveFailedWith expects a RunSummary, got ${describeValue(received)}` };
  const ofRecord = failures.filter((failure) => failure.key === key || failure.sourceId === key);
  const fits = (failure: RecordFailure): boolean =>
    (expected.code === undefined || failure.code === expected.code) &&
    (expected.taskId === undefined || failure.taskId === expected.taskId) &&
    (expected.message === undefined ||
      (typeof expected.message === 'string'
        ? failure.message === expected.message
        : expected.message.test(failure.message)));
  const match = ofRecord.find(fits);
  const wanted = `'${key}' to have failed${expected.code ? ` with ${expected.code}` : ''}${expected.message !== undefined ? ` saying ${describeValue(expected.message)}` : ''}`;
  return {
    pass: match !== undefined,
    message: () => {
      if (match)
        return `expected ${wanted.replace('to have failed', 'not to have failed')}, but it did: ${describeFailure(match)}`;
      const listed = (ofRecord.length > 0 ? ofRecord : failures)
        .slice(0, 10)
        .map((failure) => `  ${describeFailure(failure)}`);
      const what =
        ofRecord.length > 0
          ? `its failures are`
          : failures.length > 0
            ? `the summary's failures are`
            : 'the summary has no failures';
      return `expected ${wanted}, but ${what}${listed.length > 0 ? `:\n${listed.join('\n')}` : ''}`;
    },
  };
}
