import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { FatalError } from '../errors/index.js';
import type { LockOwner, StateStore } from '../state/index.js';
import { isLocalProcessGone, ownProcessStart } from './localProcess.js';

const LEASE_MS = 60_000;
const RENEW_EVERY_MS = 15_000;

/**
 * The lock that keeps a second run of a template from starting while one runs, held in the
 * state store so it works across processes (and, with a shared store such as PostgreSQL,
 * across machines whose clocks agree). It is a lease the holder renews; a holder that dies
 * stops renewing and loses it when the lease runs out, or at once when it ran on this machine
 * and its process is gone (killed and not yet reaped counts as gone). A holder that finds its lease taken stops its run (`signal`).
 */
export class RunLock {
  readonly #owner: LockOwner = ownerHere();
  readonly #lost = new AbortController();
  #heartbeat: NodeJS.Timeout | undefined;

  /** Aborts when the lease was lost to another run: this one must stop writing. */
  get signal(): AbortSignal {
    return this.#lost.signal;
  }

  private constructor(
    private readonly state: StateStore,
    private readonly name: string,
  ) {}

  /** Takes the lock or throws a FatalError naming who holds it. `onNote` hears about a dead holder's lock taken over. */
  static async acquire(state: StateStore, templateId: string, onNote: (note: string) => void): Promise<RunLock> {
    const lock = new RunLock(state, `run:${templateId}`);
    let attempt = await state.acquireLock(lock.name, lock.#owner, LEASE_MS);
    if (!attempt.acquired && isDeadHereAndNow(attempt.holder)) {
      if (await state.breakLock(lock.name, attempt.holder.id)) {
        onNote(`The previous run's process (pid ${attempt.holder.pid}) is gone; its lock was taken over`);
      }
      attempt = await state.acquireLock(lock.name, lock.#owner, LEASE_MS);
    }
    if (!attempt.acquired) {
      const { host, pid } = attempt.holder;
      throw new FatalError(
        `A run of '${templateId}' is already going (process ${pid} on ${host}); wait for it to end, or for its lease to run out if it died`,
        { code: 'RUN_IN_PROGRESS' },
      );
    }
    lock.#heartbeat = setInterval(() => {
      state.renewLock(lock.name, lock.#owner.id, LEASE_MS).then(
        (held) => {
          if (!held)
            lock.#lost.abort(
              new FatalError(`The run lock of '${templateId}' was taken by another run`, { code: 'RUN_LOCK_LOST' }),
            );
        },
        // A store that cannot be reached now may answer at the next beat; the lease has time.
        () => undefined,
      );
    }, RENEW_EVERY_MS);
    lock.#heartbeat.unref();
    return lock;
  }

  async release(): Promise<void> {
    clearInterval(this.#heartbeat);
    await this.state.releaseLock(this.name, this.#owner.id);
  }
}

function ownerHere(): LockOwner {
  const owner: LockOwner = { id: randomUUID(), host: hostname(), pid: process.pid };
  const processStart = ownProcessStart();
  if (processStart !== undefined) owner.processStart = processStart;
  return owner;
}

/**
 * A holder on this machine whose process no longer exists (a zombie or a reused pid included).
 * A holder on another machine is never judged here: only its lease says it is gone.
 */
function isDeadHereAndNow(holder: LockOwner): boolean {
  if (holder.host !== hostname() || holder.pid === process.pid) return false;
  return isLocalProcessGone(holder.pid, holder.processStart);
}
