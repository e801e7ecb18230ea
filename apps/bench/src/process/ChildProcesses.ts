import type { ChildProcess } from 'node:child_process';

/**
 * Every child process the bench starts, so none outlives it: on a normal end, an error, a
 * signal or `process.exit`, each one still running is killed (by its own pid, nothing broader).
 */
export class ChildProcesses {
  readonly #children = new Set<ChildProcess>();

  track<T extends ChildProcess>(child: T): T {
    this.#children.add(child);
    child.once('exit', () => this.#children.delete(child));
    // A child that could not be started never exits.
    child.once('error', () => {
      if (child.pid === undefined) this.#children.delete(child);
    });
    return child;
  }

  /** SIGTERM, then SIGKILL for those still there after `graceMs`. */
  async stop(child: ChildProcess, graceMs = 5000): Promise<void> {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.#children].map((child) => this.stop(child)));
  }

  /** For `process.on('exit')`, where nothing can be awaited. */
  killAllNow(): void {
    for (const child of this.#children) child.kill('SIGKILL');
  }
}
