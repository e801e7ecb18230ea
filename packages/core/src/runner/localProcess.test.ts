import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLocalProcessGone, ownProcessStart } from './localProcess.js';

describe('isLocalProcessGone', () => {
  it('takes a running process for alive, and a pid no process has for gone', () => {
    expect(isLocalProcessGone(process.pid, ownProcessStart())).toBe(false);
    expect(isLocalProcessGone(2 ** 22 + 7, undefined)).toBe(true);
  });

  it('takes a process that started at another time for a later one given the same pid (a gone holder)', () => {
    // Where /proc says when a process started; elsewhere only the pid can be compared.
    const start = ownProcessStart();
    expect(start === undefined).toBe(!existsSync('/proc/self/stat'));
    if (start !== undefined) expect(isLocalProcessGone(process.pid, `${start}0`)).toBe(true);
  });
});
