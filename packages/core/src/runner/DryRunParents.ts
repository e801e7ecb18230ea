import type { ParentStatus, StateStore } from '../state/index.js';

/**
 * What a dry run would have synced, by task: a dry run stores nothing, so without this a quote
 * line would wait for a quote the same dry run plans to write. Parents are looked up here
 * first, then in the state store.
 */
export class DryRunParents {
  readonly #synced = new Map<string, Set<string>>();

  constructor(private readonly state: Pick<StateStore, 'findParents'>) {}

  add(taskKey: string, keys: readonly string[]): void {
    const synced = this.#synced.get(taskKey) ?? new Set<string>();
    for (const key of keys) synced.add(key);
    this.#synced.set(taskKey, synced);
  }

  async findParents(taskKeys: readonly string[], keys: readonly string[]): Promise<Map<string, ParentStatus>> {
    const found = await this.state.findParents(taskKeys, keys);
    for (const key of keys) {
      const planned = taskKeys.find((taskKey) => this.#synced.get(taskKey)?.has(key));
      if (planned && found.get(key)?.state !== 'synced') found.set(key, { state: 'synced', taskKey: planned });
    }
    return found;
  }
}
