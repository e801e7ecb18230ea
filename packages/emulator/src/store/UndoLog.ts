/**
 * Makes a change set atomic: while a transaction is open, every table change records how to
 * undo itself; rollback replays those in reverse.
 */
export class UndoLog {
  #entries: (() => void)[] | undefined;

  get active(): boolean {
    return this.#entries !== undefined;
  }

  begin(): void {
    if (this.#entries) throw new Error('A change set is already open.');
    this.#entries = [];
  }

  record(undo: () => void): void {
    this.#entries?.push(undo);
  }

  commit(): void {
    this.#entries = undefined;
  }

  rollback(): void {
    const entries = this.#entries ?? [];
    this.#entries = undefined;
    for (let index = entries.length - 1; index >= 0; index -= 1) entries[index]?.();
  }
}
