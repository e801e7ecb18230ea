import type { z } from 'zod';
import type { ServiceName } from '../pipeline/EmulatorContext.js';
import type { FaultName, faultOptionsSchema, FaultSpec } from './faultOptions.js';
import { seededRandom } from './seededRandom.js';

type ParsedFaultOptions = z.output<typeof faultOptionsSchema>;

/** A fault chosen for one request. */
export type Fault =
  | { readonly kind: Exclude<FaultName, 'slow' | 'changesetFailure'> }
  | { readonly kind: 'slow'; readonly ms: number }
  | {
      readonly kind: 'changesetFailure';
      readonly status: 400 | 500;
      /** Which change set fails, given how many the batch holds. */
      readonly pick: (changesets: number) => number;
    };

/** The request as fault matching sees it. */
export interface FaultTarget {
  readonly service: ServiceName;
  readonly method: string;
  /** Path after the service root (`$batch`, `accounts(…)`); the whole path for auth. */
  readonly path: string;
  readonly isBatch: boolean;
  /** The request body, read only while a script entry matches on it (`bodyContains`). */
  readonly body?: string;
}

interface ScriptState {
  readonly spec: NonNullable<ParsedFaultOptions['script']>[number];
  times: number;
  after: number;
}

const DEFAULT_TIMEOUT_MS = 300_000;

function fromSpec(spec: FaultSpec): Fault {
  if (typeof spec === 'object') {
    if ('slowMs' in spec) return { kind: 'slow', ms: spec.slowMs };
    const chosen = spec.changesetFailure.changeset ?? 0;
    return {
      kind: 'changesetFailure',
      status: spec.changesetFailure.status ?? 500,
      pick: (count) => Math.min(chosen, count - 1),
    };
  }
  switch (spec) {
    case '503':
      return { kind: 'status503' };
    case '500':
      return { kind: 'status500' };
    case '500-after':
      return { kind: 'status500After' };
    case 'reset':
      return { kind: 'reset' };
    case 'reset-after':
      return { kind: 'resetAfter' };
    case 'timeout':
      return { kind: 'timeout' };
    case 'changeset-failure':
      return { kind: 'changesetFailure', status: 500, pick: () => 0 };
  }
}

function isChangesetFailure(spec: FaultSpec): boolean {
  return spec === 'changeset-failure' || (typeof spec === 'object' && 'changesetFailure' in spec);
}

/**
 * Chooses the fault (if any) for each request: the first script entry the request matches
 * decides; requests no entry matches draw from the seeded random source once each.
 */
export class FaultInjector {
  #options: ParsedFaultOptions | undefined;
  #script: ScriptState[] = [];
  #random: () => number = seededRandom(1);

  configure(options: ParsedFaultOptions | undefined): void {
    this.#options = options;
    this.#script = (options?.script ?? []).map((spec) => ({ spec, times: spec.times ?? 1, after: spec.after ?? 0 }));
    this.#random = seededRandom(options?.seed ?? 1);
  }

  get configured(): boolean {
    return this.#options !== undefined;
  }

  get timeoutMs(): number {
    return this.#options?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  settings(): { readonly options: ParsedFaultOptions | null; readonly scriptRemaining: number } {
    return {
      options: this.#options ?? null,
      scriptRemaining: this.#script.reduce((sum, entry) => sum + (entry.times > 0 ? entry.times : 0), 0),
    };
  }

  /** Whether a script entry matches on the request body, which must then be read for `decide`. */
  get matchesBodies(): boolean {
    return this.#script.some((entry) => entry.times > 0 && entry.spec.match?.bodyContains !== undefined);
  }

  decide(target: FaultTarget): Fault | undefined {
    if (!this.#options || target.service === 'admin') return undefined;
    for (const entry of this.#script) {
      if (entry.times <= 0 || !this.#matches(entry.spec, target)) continue;
      if (entry.after > 0) {
        entry.after -= 1;
        return undefined;
      }
      entry.times -= 1;
      return fromSpec(entry.spec.fault);
    }
    return this.#draw(target);
  }

  #matches(spec: ScriptState['spec'], target: FaultTarget): boolean {
    const match = spec.match ?? {};
    if (match.service ? match.service !== target.service : target.service === 'auth') return false;
    if (match.method && match.method.toUpperCase() !== target.method.toUpperCase()) return false;
    if (match.path && !target.path.startsWith(match.path)) return false;
    if (match.bodyContains && !(target.body ?? '').includes(match.bodyContains)) return false;
    if (isChangesetFailure(spec.fault) && !target.isBatch) return false;
    return true;
  }

  #draw(target: FaultTarget): Fault | undefined {
    const options = this.#options;
    const rates = options?.rates;
    if (!rates || (target.service !== 'sales' && target.service !== 'finops')) return undefined;
    if (!(options.services ?? ['sales', 'finops']).includes(target.service)) return undefined;
    let point = this.#random();
    const bands: [number | undefined, () => Fault | undefined][] = [
      [rates.status503, () => ({ kind: 'status503' })],
      [rates.status500, () => ({ kind: 'status500' })],
      [rates.status500After, () => ({ kind: 'status500After' })],
      [rates.reset, () => ({ kind: 'reset' })],
      [rates.resetAfter, () => ({ kind: 'resetAfter' })],
      [rates.timeout, () => ({ kind: 'timeout' })],
      [rates.slowMs?.rate, () => ({ kind: 'slow', ms: rates.slowMs?.ms ?? 0 })],
      [
        rates.changesetFailure,
        () => {
          if (!target.isBatch) return undefined;
          const which = this.#random();
          return { kind: 'changesetFailure', status: 500, pick: (count) => Math.floor(which * count) };
        },
      ],
    ];
    for (const [rate, fault] of bands) {
      if (rate === undefined || rate <= 0) continue;
      if (point < rate) return fault();
      point -= rate;
    }
    return undefined;
  }
}
