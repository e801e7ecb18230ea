/**
 * Requests a `timeout` fault never answers. Each ends as a dropped connection
 * (`Response.error()`) when its client gives up (the request's signal aborts), after the
 * configured time, or when the faults are changed or cleared.
 */
export class HeldRequests {
  readonly #releases = new Set<() => void>();

  get size(): number {
    return this.#releases.size;
  }

  hold(signal: AbortSignal | undefined, ms: number): Promise<Response> {
    return new Promise<Response>((resolve) => {
      const release = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', release);
        this.#releases.delete(release);
        resolve(Response.error());
      };
      const timer = setTimeout(release, ms);
      // A held request must not keep a test process or a CLI alive on its own.
      timer.unref();
      this.#releases.add(release);
      if (signal?.aborted) release();
      else signal?.addEventListener('abort', release, { once: true });
    });
  }

  releaseAll(): void {
    for (const release of [...this.#releases]) release();
  }
}
