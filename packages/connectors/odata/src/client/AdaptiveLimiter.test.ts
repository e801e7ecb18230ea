import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock, settle } from '../../test/support/manualClock.js';
import { AdaptiveLimiter, type Permit } from './AdaptiveLimiter.js';

function limiter(initial: number, min = 1, max = 16) {
  const clock = new ManualClock();
  return { clock, limiter: new AdaptiveLimiter({ initial, min, max }, clock) };
}

/** Starts `count` acquires; `granted` fills in as slots are handed out, in grant order. */
function request(subject: AdaptiveLimiter, count: number) {
  const granted: { id: number; permit: Permit }[] = [];
  for (let id = 0; id < count; id += 1) void subject.acquire().then((permit) => granted.push({ id, permit }));
  return granted;
}

async function take(subject: AdaptiveLimiter, count: number): Promise<Permit[]> {
  return Promise.all(Array.from({ length: count }, () => subject.acquire()));
}

describe('AdaptiveLimiter', () => {
  it('hands out `initial` slots at once and queues the rest first come, first served', async () => {
    const { limiter: subject } = limiter(3);
    const granted = request(subject, 5);
    await settle();
    expect(granted.map((g) => g.id)).toEqual([0, 1, 2]);
    expect(subject.inFlight).toBe(3);
    expect(subject.queued).toBe(2);

    subject.release(granted[1]!.permit, { kind: 'failure' });
    await settle();
    expect(granted.map((g) => g.id)).toEqual([0, 1, 2, 3]);
    expect(subject.inFlight).toBe(3);
  });

  it('halves the limit on a 429, down to min and no further', async () => {
    const { limiter: subject } = limiter(12, 2, 16);
    for (const expected of [6, 3, 2, 2]) {
      const [permit] = await take(subject, 1);
      subject.release(permit!, { kind: 'throttled', waitMs: 0 });
      expect(subject.limit).toBe(expected);
    }
  });

  it('cuts once for a burst of 429s from requests already in flight', async () => {
    const { limiter: subject, clock } = limiter(8);
    const burst = await take(subject, 8);
    for (const permit of burst) subject.release(permit, { kind: 'throttled', waitMs: 1000 });
    expect(subject.limit).toBe(4);

    // After the hold, a request sent at the new limit and throttled again is a new signal.
    const next = subject.acquire();
    await clock.advance(1000);
    subject.release(await next, { kind: 'throttled', waitMs: 1000 });
    expect(subject.limit).toBe(2);
  });

  it('holds every new slot until the Retry-After instant, even with slots free', async () => {
    const { limiter: subject, clock } = limiter(4);
    const [first, second] = await take(subject, 2);
    subject.release(first!, { kind: 'throttled', waitMs: 5000 });
    expect(subject.heldUntil).toBe(5000);

    const granted = request(subject, 3);
    await clock.advance(4999);
    expect(granted).toEqual([]);

    // A request of the same burst asking for longer extends the hold (to 4999 + 3000).
    subject.release(second!, { kind: 'throttled', waitMs: 3000 });
    expect(subject.heldUntil).toBe(7999);
    await clock.advance(2999);
    expect(granted).toEqual([]);
    await clock.advance(1);
    expect(granted.map((g) => g.id)).toEqual([0, 1]);
    expect(subject.limit).toBe(2);
    expect(subject.heldUntil).toBeUndefined();
  });

  it('does not shorten a hold for a later 429 with a shorter Retry-After', async () => {
    const { limiter: subject, clock } = limiter(4);
    const [first, second] = await take(subject, 2);
    subject.release(first!, { kind: 'throttled', waitMs: 10_000 });
    subject.release(second!, { kind: 'throttled', waitMs: 1000 });
    const granted = request(subject, 1);
    await clock.advance(9999);
    expect(granted).toEqual([]);
    await clock.advance(1);
    expect(granted).toHaveLength(1);
  });

  it('lets a hold nobody waited through lapse by the clock, without starting a timer', async () => {
    const { limiter: subject, clock } = limiter(4);
    const [permit] = await take(subject, 1);
    subject.release(permit!, { kind: 'throttled', waitMs: 2000 });
    expect(clock.pending).toBe(0);
    await clock.advance(2000);
    await expect(subject.acquire()).resolves.toBeDefined();
    expect(clock.sleeps).toEqual([]);
  });

  it('ramps up by one after `limit` successes in a row, never above max', async () => {
    const { limiter: subject } = limiter(2, 1, 4);
    const seen: number[] = [];
    for (let i = 0; i < 14; i += 1) {
      const [permit] = await take(subject, 1);
      subject.release(permit!, { kind: 'success' });
      seen.push(subject.limit);
    }
    // 2 successes at 2, 3 at 3, then capped at 4.
    expect(seen).toEqual([2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]);
  });

  it('restarts the count of successes after a 429', async () => {
    const { limiter: subject } = limiter(4);
    const [a, b, c] = await take(subject, 3);
    subject.release(a!, { kind: 'success' });
    subject.release(b!, { kind: 'success' });
    subject.release(c!, { kind: 'throttled', waitMs: 0 });
    expect(subject.limit).toBe(2);
    const [d] = await take(subject, 1);
    subject.release(d!, { kind: 'success' });
    expect(subject.limit).toBe(2);
    const [e] = await take(subject, 1);
    subject.release(e!, { kind: 'success' });
    expect(subject.limit).toBe(3);
  });

  it('grants queued requests as the limit rises', async () => {
    const { limiter: subject } = limiter(1, 1, 3);
    const granted = request(subject, 3);
    await settle();
    expect(granted).toHaveLength(1);
    subject.release(granted[0]!.permit, { kind: 'success' });
    await settle();
    // Limit 2 now: both waiters get a slot.
    expect(subject.limit).toBe(2);
    expect(granted).toHaveLength(3);
  });

  it('leaves the limit alone on failures that say nothing about load', async () => {
    const { limiter: subject } = limiter(5);
    const permits = await take(subject, 5);
    for (const permit of permits) subject.release(permit, { kind: 'failure' });
    expect(subject.limit).toBe(5);
    expect(subject.inFlight).toBe(0);
  });

  it('refuses a permit released twice', async () => {
    const { limiter: subject } = limiter(2);
    const [permit] = await take(subject, 1);
    subject.release(permit!, { kind: 'success' });
    expect(() => subject.release(permit!, { kind: 'success' })).toThrow(/released twice/);
  });

  it('keeps min <= limit <= max and never has more slots out than the limit allowed (any outcomes)', async () => {
    const outcome = fc.oneof(
      fc.constant({ kind: 'success' as const }),
      fc.constant({ kind: 'failure' as const }),
      fc.record({ kind: fc.constant('throttled' as const), waitMs: fc.integer({ min: 0, max: 5000 }) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.array(fc.tuple(outcome, fc.integer({ min: 0, max: 3000 })), { maxLength: 60 }),
        async (min, initialExtra, maxExtra, steps) => {
          const initial = min + initialExtra;
          const max = initial + maxExtra;
          const { limiter: subject, clock } = limiter(initial, min, max);
          const held: Permit[] = [];
          const acquireOne = () =>
            void subject.acquire().then((permit) => {
              held.push(permit);
              expect(subject.inFlight).toBeLessThanOrEqual(subject.limit);
            });
          for (let i = 0; i < max + 4; i += 1) acquireOne();
          for (const [result, elapse] of steps) {
            await clock.advance(elapse);
            const permit = held.shift();
            if (permit !== undefined) {
              subject.release(permit, result);
              acquireOne();
            }
            expect(subject.limit).toBeGreaterThanOrEqual(min);
            expect(subject.limit).toBeLessThanOrEqual(max);
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
