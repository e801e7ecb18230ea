import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoffDelay.js';

const policy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

describe('backoffDelay', () => {
  it('doubles the ceiling each attempt, up to maxDelayMs', () => {
    const top = () => 0.999999;
    expect(backoffDelay(1, policy, top, undefined)).toBe(499);
    expect(backoffDelay(2, policy, top, undefined)).toBe(999);
    expect(backoffDelay(4, policy, top, undefined)).toBe(3999);
    expect(backoffDelay(10, policy, top, undefined)).toBe(29_999);
  });

  it('spreads waits over the whole range (full jitter)', () => {
    expect(backoffDelay(3, policy, () => 0, undefined)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5, undefined)).toBe(1000);
  });

  it("obeys the service's Retry-After, even above maxDelayMs", () => {
    expect(backoffDelay(1, policy, () => 0.5, 3)).toBe(3000);
    expect(backoffDelay(1, policy, () => 0.5, 45)).toBe(45_000);
  });
});
