import { describe, expect, it } from 'vitest';
import { runConcurrently } from './runConcurrently.js';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe('runConcurrently', () => {
  it('returns the results in the order of the items, with at most `limit` in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await runConcurrently([5, 1, 4, 2, 3], 2, async (n) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      for (let i = 0; i < n; i++) await tick();
      inFlight -= 1;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });

  it('starts nothing after the first error and throws it once the rest have settled', async () => {
    const started: number[] = [];
    const settled: number[] = [];
    const run = runConcurrently([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await tick();
      if (n === 1) throw new Error('first');
      await tick();
      settled.push(n);
      return n;
    });
    await expect(run).rejects.toThrow('first');
    expect(started).toEqual([1, 2]);
    expect(settled).toEqual([2]);
  });

  it('gives an empty list for no items', async () => {
    expect(await runConcurrently([], 4, async () => 1)).toEqual([]);
  });
});
