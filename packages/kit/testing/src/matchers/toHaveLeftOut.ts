import type { MatcherState, MatcherResult } from 'vitest';
import { describeValue } from './describeValue.js';
import { summaryList } from './summaryList.js';

/**
 * `expect(summary).toHaveLeftOut('QUO-DRAFT', 'activeOnly')`: the run summary lists the record
 * with that key (or source id) as left out by that filter rule. A summary lists the first
 * exclusions only; the run's history has them all.
 */
export function toHaveLeftOut(this: MatcherState, received: unknown, key: string, rule: string): MatcherResult {
  const excluded = summaryList(received, 'excluded');
  if (!excluded)
    return { pass: false, message: () => `toHaveLeftOut expects a RunSummary, got ${describeValue(received)}` };
  const ofRecord = excluded.filter((exclusion) => exclusion.key === key || exclusion.sourceId === key);
  const match = ofRecord.find((exclusion) => exclusion.rule === rule);
  return {
    pass: match !== undefined,
    message: () => {
      if (match)
        return `expected '${key}' not to have been left out by rule '${rule}', but it was (${match.taskId}: ${match.reason})`;
      const listed = (ofRecord.length > 0 ? ofRecord : excluded)
        .slice(0, 10)
        .map((exclusion) => `  ${exclusion.taskId} ${exclusion.key ?? exclusion.sourceId}: ${exclusion.rule}`);
      const what =
        ofRecord.length > 0
          ? 'it was left out by'
          : excluded.length > 0
            ? "the summary's exclusions are"
            : 'the summary left nothing out';
      return `expected '${key}' to have been left out by rule '${rule}', but ${what}${listed.length > 0 ? `:\n${listed.join('\n')}` : ''}`;
    },
  };
}
