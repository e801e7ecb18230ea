/**
 * mulberry32: a tiny seeded PRNG, so every bench run of a size works on the same data and two
 * runs' figures can be compared. (The same algorithm as the demo's generator in @p2c/cli,
 * which does not export it.)
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
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  letters(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String.fromCharCode(65 + Math.floor(this.next() * 26));
    return out;
  }

  /** A version 4 shaped GUID from this sequence. */
  guid(): string {
    let h = '';
    for (let i = 0; i < 32; i++) {
      if (i === 12) h += '4';
      else if (i === 16) h += ((Math.floor(this.next() * 16) & 0x3) | 0x8).toString(16);
      else h += Math.floor(this.next() * 16).toString(16);
    }
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}
