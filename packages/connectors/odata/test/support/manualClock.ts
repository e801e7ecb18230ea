/** A clock that moves only when told: sleeps resolve when `advance` passes their instant. */
export class ManualClock {
  #now = 0;
  readonly #sleepers: { at: number; resolve: () => void }[] = [];
  /** Every sleep asked for, in ms, in order. */
  readonly sleeps: number[] = [];

  now = (): number => this.#now;

  sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    return new Promise((resolve) => this.#sleepers.push({ at: this.#now + ms, resolve }));
  };

  /** Sleeps not yet over. */
  get pending(): number {
    return this.#sleepers.length;
  }

  /** Moves time forward, wakes the sleepers that are due, and lets their continuations run. */
  async advance(ms: number): Promise<void> {
    this.#now += ms;
    for (let i = this.#sleepers.length - 1; i >= 0; i -= 1) {
      const sleeper = this.#sleepers[i];
      if (sleeper !== undefined && sleeper.at <= this.#now) {
        this.#sleepers.splice(i, 1);
        sleeper.resolve();
      }
    }
    await settle();
  }
}

/** Lets pending promise continuations run (a macrotask turn: microtasks queued by them run too). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
