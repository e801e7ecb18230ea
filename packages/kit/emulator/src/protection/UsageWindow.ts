interface Entry {
  readonly at: number;
  cost: number;
  inWindow: boolean;
}

/**
 * One user's use of one service over a sliding window: when each admitted request started and
 * how long it ran, with running totals so each check is cheap.
 */
export class UsageWindow {
  #entries: Entry[] = [];
  #head = 0;
  #count = 0;
  #costMs = 0;
  /** Requests admitted and not finished. */
  inFlight = 0;
  /** While throttled: until when (ms), the Retry-After last given, and which limit it was. */
  penaltyUntil = 0;
  penaltySeconds = 0;
  penaltyReason: 'requests' | 'executionTime' = 'requests';

  get count(): number {
    return this.#count;
  }

  get costMs(): number {
    return this.#costMs;
  }

  /** Drops requests that started at or before `now - windowMs`. */
  slide(now: number, windowMs: number): void {
    const entries = this.#entries;
    while (this.#head < entries.length) {
      const entry = entries[this.#head];
      if (!entry || entry.at > now - windowMs) break;
      entry.inWindow = false;
      this.#count -= 1;
      this.#costMs -= entry.cost;
      this.#head += 1;
    }
    if (this.#head > 1024 && this.#head * 2 > entries.length) {
      this.#entries = entries.slice(this.#head);
      this.#head = 0;
    }
  }

  /** Records an admitted request; `charge` later adds its execution time. */
  admit(now: number): (costMs: number) => void {
    const entry: Entry = { at: now, cost: 0, inWindow: true };
    this.#entries.push(entry);
    this.#count += 1;
    return (costMs) => {
      entry.cost += costMs;
      if (entry.inWindow) this.#costMs += costMs;
    };
  }

  /** Milliseconds until fewer than `max` requests remain in the window. */
  msUntilCountBelow(max: number, now: number, windowMs: number): number {
    const leaving = this.#entries[this.#head + this.#count - max];
    return leaving ? leaving.at + windowMs - now : 0;
  }

  /** Milliseconds until the combined execution time in the window drops below `maxMs`. */
  msUntilCostBelow(maxMs: number, now: number, windowMs: number): number {
    let remaining = this.#costMs;
    for (let index = this.#head; index < this.#entries.length; index += 1) {
      const entry = this.#entries[index];
      if (!entry) break;
      remaining -= entry.cost;
      if (remaining < maxMs) return entry.at + windowMs - now;
    }
    return 0;
  }
}
