import { describe, expect, it } from 'vitest';
import { taskRef, taskRefSchema } from './TaskRef.js';

describe('taskRef', () => {
  it('names a task as "<template id>/<task id>", the form parents and the runner read', () => {
    expect(taskRef('accounts', 'Accounts - Account - Customers')).toBe('accounts/Accounts - Account - Customers');
  });

  it('refuses a template id that would make the reference ambiguous, and an empty task id', () => {
    expect(() => taskRef('a/b', 'C')).toThrow(
      "A template id in a task reference must be non-empty and hold no '/': 'a/b'",
    );
    expect(() => taskRef('', 'C')).toThrow(/must be non-empty/);
    expect(() => taskRef('quotes', '')).toThrow("A task reference of template 'quotes' needs a task id");
  });

  it('parses a reference read from outside, and says what is wrong with one that is not', () => {
    expect(taskRefSchema.parse('quotes/QuoteHeader')).toBe('quotes/QuoteHeader');
    expect(taskRefSchema.safeParse('QuoteHeader').error?.issues[0]?.message).toBe(
      'a task reference is "<template id>/<task id>"',
    );
  });
});
