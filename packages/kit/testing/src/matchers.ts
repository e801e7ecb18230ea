import type { WrittenService } from '@p2c/emulator';
import { expect } from 'vitest';
import { toHaveDefaults } from './matchers/toHaveDefaults.js';
import { toHaveFailedWith, type ExpectedFailure } from './matchers/toHaveFailedWith.js';
import { toHaveLeftOut } from './matchers/toHaveLeftOut.js';
import { toHaveWrittenOnce } from './matchers/toHaveWrittenOnce.js';

export type { ExpectedFailure } from './matchers/toHaveFailedWith.js';

/** Importing `@p2c/testing/matchers` registers the kit's matchers with vitest's `expect`. */
expect.extend({ toHaveWrittenOnce, toHaveDefaults, toHaveFailedWith, toHaveLeftOut });

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- `T = any` as in vitest's own declaration: merged declarations must agree (TS2428).
  interface Matchers<T = any> {
    /** On a harness (or emulator): the row was created or updated exactly once by what ran (see the write log). */
    toHaveWrittenOnce(service: WrittenService, entitySet: string, key: string | readonly (string | number)[]): T;
    /** On an array of rows: every row has these values (a non-empty array). */
    toHaveDefaults(defaults: Readonly<Record<string, unknown>>): T;
    /** On a RunSummary: a failure of the record with this key or source id, with this code / message. */
    toHaveFailedWith(key: string, expected?: ExpectedFailure): T;
    /** On a RunSummary: the record with this key or source id was left out by this filter rule. */
    toHaveLeftOut(key: string, rule: string): T;
  }
}
