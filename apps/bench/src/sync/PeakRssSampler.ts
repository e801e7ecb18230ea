import { readFile } from 'node:fs/promises';

/**
 * The peak resident memory of one process, from `/proc/<pid>/status` every `intervalMs`:
 * the largest of its VmHWM (the kernel's own high-water mark) and VmRSS seen. Linux only; null
 * elsewhere or when the process was gone before the first sample.
 */
export class PeakRssSampler {
  #peakKb: number | null = null;
  #timer: NodeJS.Timeout | undefined;
  #reading = false;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 50,
  ) {}

  start(): void {
    void this.sample();
    this.#timer = setInterval(() => void this.sample(), this.intervalMs);
  }

  /** One last sample (the process may still be there), then stop. */
  async stop(): Promise<number | null> {
    clearInterval(this.#timer);
    await this.sample();
    return this.#peakKb === null ? null : this.#peakKb * 1024;
  }

  async sample(): Promise<void> {
    if (this.#reading) return;
    this.#reading = true;
    try {
      const status = await readFile(`/proc/${this.pid}/status`, 'utf8');
      for (const field of ['VmHWM', 'VmRSS']) {
        const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
        if (Number.isFinite(kb)) this.#peakKb = Math.max(this.#peakKb ?? 0, kb);
      }
    } catch {
      // The process has exited (or this is not Linux): keep what was seen.
    } finally {
      this.#reading = false;
    }
  }
}
