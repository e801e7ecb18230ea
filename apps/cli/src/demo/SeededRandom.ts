/**
 * A small seeded PRNG (mulberry32): the same seed gives the same demo data on every machine,
 * so a demo run can be replayed and its numbers quoted.
 */
export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const index = Math.floor(this.next() * items.length);
    if (index >= items.length) throw new Error('SeededRandom.pick: there is nothing to pick from (no items)');
    // In range, just checked: the item is there (T itself may include undefined, so no check on the value).
    return items[index] as T;
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    // Rounding can leave a sliver of the roll: it falls to the last choice.
    const last = choices.at(-1);
    if (!last) throw new Error('SeededRandom.weighted: there is nothing to pick from (no choices)');
    return last[0];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  letters(count: number): string {
    return Array.from({ length: count }, () => String.fromCharCode(65 + Math.floor(this.next() * 26))).join('');
  }

  /** A version 4 shaped GUID from this sequence. */
  guid(): string {
    // Digit 12 is the version (4); digit 16 keeps its two low bits under the variant bits (10xx).
    const h = Array.from({ length: 32 }, () => Math.floor(this.next() * 16))
      .map((digit, index) => (index === 12 ? 4 : index === 16 ? (digit & 0x3) | 0x8 : digit).toString(16))
      .join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}
