import type { ParentStatus, StateStore } from '../state/index.js';
import type { NaturalKey } from './naturalKey/NaturalKey.js';

/**
 * What a dry run would have synced, by task: a dry run stores nothing, so without this a quote
 * line would wait for a quote the same dry run plans to write. Parents are looked up here
 * first, then in the state store.
 */
export class DryRunParents {
  readonly #synced = new Map<string, Set<NaturalKey>>();

  constructor(private readonly state: Pick<StateStore, 'findParents'>) {}

  add(taskKey: string, keys: readonly NaturalKey[]): void {
    const synced = this.#synced.get(taskKey) ?? new Set<NaturalKey>();
    for (const key of keys) synced.add(key);
    this.#synced.set(taskKey, synced);
  }

  async findParents(taskKeys: readonly string[], keys: readonly NaturalKey[]): Promise<Map<string, ParentStatus>> {
    const found = await this.state.findParents(taskKeys, keys);
    for (const key of keys) {
      const planned = taskKeys.find((taskKey) => this.#synced.get(taskKey)?.has(key));
      if (planned && found.get(key)?.state !== 'synced') found.set(key, { state: 'synced', taskKey: planned });
    }
    return found;
  }
}
