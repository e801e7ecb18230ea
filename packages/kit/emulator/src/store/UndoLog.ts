/**
 * Makes a change set atomic: while a transaction is open, every table change records how to
 * undo itself; rollback replays those in reverse.
 */
export class UndoLog {
  #entries: (() => void)[] | undefined;
  /** Change sets of concurrent batches wait their turn, as a database serializes transactions. */
  #turn: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;

  get active(): boolean {
    return this.#entries !== undefined;
  }

  async begin(): Promise<void> {
    const previous = this.#turn;
    let release!: () => void;
    this.#turn = new Promise((resolve) => (release = resolve));
    await previous;
    this.#release = release;
    this.#entries = [];
  }

  record(undo: () => void): void {
    this.#entries?.push(undo);
  }

  commit(): void {
    this.#entries = undefined;
    this.#end();
  }

  rollback(): void {
    const entries = this.#entries ?? [];
    this.#entries = undefined;
    for (let index = entries.length - 1; index >= 0; index -= 1) entries[index]?.();
    this.#end();
  }

  #end(): void {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
}
