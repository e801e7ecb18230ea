import type { ConcurrencyLimits } from './ODataClientOptions.js';

/** Time as the limiter sees it; injected so tests control it. */
export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** A slot taken by `acquire`; hand it back exactly once with `release`. */
export interface Permit {
  /** The decrease count when the slot was granted: tells a fresh 429 from one of an older burst. */
  readonly episode: number;
}

/**
 * How the request that held a slot went:
 * - `success`: the service answered and did not throttle (a 4xx about the record counts: the
 *   service had the capacity to judge it);
 * - `throttled`: a 429; `waitMs` is how long the service asked us to stay away;
 * - `failure`: no signal about load (a 5xx, a network error, no token).
 */
export type LimiterOutcome = { kind: 'success' } | { kind: 'throttled'; waitMs: number } | { kind: 'failure' };

interface Hold {
  /** The instant (clock.now) until which no slot is granted. */
  until: number;
  /** Whether a sleep towards `until` has been started (only when someone waits: no idle timers). */
  sleeping: boolean;
}

/**
 * AIMD concurrency limiter. At most `limit` slots are out at once; callers beyond that queue in
 * order. A 429 halves the limit (never below `min`) and holds every new slot until the instant the
 * service named, because Dataverse and F&O throttle the user, not the request. Requests already in
 * flight when the limit was cut may come back 429 too: those extend the hold if they ask for longer
 * but do not cut again, so one burst costs one halving. After `limit` successes in a row the limit
 * rises by one, up to `max`.
 */
export class AdaptiveLimiter {
  readonly #min: number;
  readonly #max: number;
  readonly #clock: LimiterClock;
  readonly #waiters: ((permit: Permit) => void)[] = [];
  readonly #outstanding = new WeakSet<Permit>();
  #limit: number;
  #inFlight = 0;
  #successes = 0;
  #episode = 0;
  #hold: Hold | undefined;

  constructor(limits: ConcurrencyLimits, clock: LimiterClock) {
    this.#min = limits.min;
    this.#max = limits.max;
    this.#limit = limits.initial;
    this.#clock = clock;
  }

  /** The current concurrency limit. */
  get limit(): number {
    return this.#limit;
  }

  /** Slots out now. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Requests waiting for a slot. */
  get queued(): number {
    return this.#waiters.length;
  }

  /** The instant new slots are held until after a 429, or undefined when none is held. */
  get heldUntil(): number | undefined {
    this.#expireHold();
    return this.#hold?.until;
  }

  /** Resolves with a slot once one is free and no hold is in force; first come, first served. */
  acquire(): Promise<Permit> {
    this.#expireHold();
    if (this.#waiters.length === 0 && this.#canGrant()) return Promise.resolve(this.#grant());
    const granted = new Promise<Permit>((resolve) => this.#waiters.push(resolve));
    if (this.#hold !== undefined && !this.#hold.sleeping) this.#sleepThrough(this.#hold);
    return granted;
  }

  release(permit: Permit, outcome: LimiterOutcome): void {
    if (!this.#outstanding.has(permit))
      throw new Error('AdaptiveLimiter: a permit was released twice or not acquired here');
    this.#outstanding.delete(permit);
    this.#inFlight -= 1;
    if (outcome.kind === 'success') {
      this.#successes += 1;
      if (this.#successes >= this.#limit) {
        this.#successes = 0;
        this.#limit = Math.min(this.#max, this.#limit + 1);
      }
    } else if (outcome.kind === 'throttled') {
      this.#successes = 0;
      if (permit.episode === this.#episode) {
        this.#episode += 1;
        this.#limit = Math.max(this.#min, Math.floor(this.#limit / 2));
      }
      this.#holdFor(outcome.waitMs);
    }
    this.#pump();
  }

  #canGrant(): boolean {
    return this.#hold === undefined && this.#inFlight < this.#limit;
  }

  #grant(): Permit {
    const permit: Permit = Object.freeze({ episode: this.#episode });
    this.#outstanding.add(permit);
    this.#inFlight += 1;
    return permit;
  }

  #pump(): void {
    this.#expireHold();
    while (this.#waiters.length > 0 && this.#canGrant()) this.#waiters.shift()?.(this.#grant());
  }

  #holdFor(waitMs: number): void {
    if (!(waitMs > 0)) return;
    const until = this.#clock.now() + waitMs;
    if (this.#hold !== undefined && this.#hold.until >= until) return;
    this.#hold = { until, sleeping: false };
    if (this.#waiters.length > 0) this.#sleepThrough(this.#hold);
  }

  #sleepThrough(hold: Hold): void {
    hold.sleeping = true;
    const end = () => {
      // A later 429 may have replaced this hold with a longer one; only the current hold lifts.
      if (this.#hold !== hold) return;
      this.#hold = undefined;
      this.#pump();
    };
    this.#clock.sleep(Math.max(0, hold.until - this.#clock.now())).then(end, end);
  }

  /** A hold nobody slept through (nobody was waiting) simply lapses once its instant has passed. */
  #expireHold(): void {
    if (this.#hold !== undefined && !this.#hold.sleeping && this.#clock.now() >= this.#hold.until)
      this.#hold = undefined;
  }
}
