import { describe, expect, it } from 'vitest';
import { emptyCounts, type RunCounts } from '../state/index.js';
import { outcomeOf } from './RunSummary.js';

const counts = (changes: Partial<RunCounts>): RunCounts => ({ ...emptyCounts(), ...changes });

describe('outcomeOf', () => {
  it('calls a run that read nothing Completed', () => {
    expect(outcomeOf(emptyCounts(), false)).toBe('Completed');
  });

  it('calls a run where nothing failed Completed', () => {
    expect(outcomeOf(counts({ read: 6, created: 1, updated: 2, unchanged: 3 }), false)).toBe('Completed');
  });

  it.each([
    ['created', { created: 1 }],
    ['updated', { updated: 1 }],
    ['unchanged', { unchanged: 1 }],
  ])('calls a run with failures and some %s records a Warning', (_, succeeded) => {
    expect(outcomeOf(counts({ read: 3, failed: 2, ...succeeded }), false)).toBe('Warning');
  });

  it('calls a run where every record failed an Error, even when keys were generated', () => {
    expect(outcomeOf(counts({ read: 2, failed: 2, keysGenerated: 2 }), false)).toBe('Error');
  });

  it('calls a run that only tried again records that failed before, and failed again, a Warning', () => {
    expect(outcomeOf(counts({ read: 18, retried: 18, failed: 18 }), false)).toBe('Warning');
    expect(outcomeOf(counts({ read: 19, retried: 18, failed: 19 }), false)).toBe('Error');
  });

  it('calls a run whose records only wait for their parents a Warning, not an Error', () => {
    expect(outcomeOf(counts({ read: 2, waiting: 2 }), false)).toBe('Warning');
    expect(outcomeOf(counts({ read: 2, waiting: 1, failed: 1 }), false)).toBe('Warning');
  });

  it('calls a run a fatal fault stopped an Error, whatever it did before', () => {
    expect(outcomeOf(counts({ read: 10, created: 10 }), true)).toBe('Error');
    expect(outcomeOf(emptyCounts(), true)).toBe('Error');
  });
});
