/** The one counter every builder draws its unique keys from, and each parent's next line number. */
let counter = 0;
const lines = new Map<string, number>();

export function nextNumber(): number {
  counter += 1;
  return counter;
}

/** The next line number of one parent (1, 2, 3...), so lines of a document number as users see them. */
export function nextLineNumber(parent: string): number {
  const next = (lines.get(parent) ?? 0) + 1;
  lines.set(parent, next);
  return next;
}

/** `00042`: a counter value as builders put it in keys. */
export function padded(value: number, width = 5): string {
  return String(value).padStart(width, '0');
}

/**
 * Starts the builders' counter and line numbers afresh, so keys repeat from one test to the
 * next (call it in `beforeEach` when a test asserts generated keys).
 */
export function resetBuilders(): void {
  counter = 0;
  lines.clear();
}

/** Defaults under overrides; an override of `undefined` leaves the column out. */
export function withOverrides<T extends object>(defaults: T, overrides: object): T {
  const row = Object.entries({ ...defaults, ...overrides }).filter(([, value]) => value !== undefined);
  return Object.fromEntries(row) as T;
}

/**
 * `ACC-01000-TAAAAB`: a number shaped like the ones Sales' autonumber columns generate
 * (prefix, `01000`, six capital letters), from the counter. The letters start with `T` so a
 * built key does not clash with the hand-picked ones tests write (`ACC-01000-AAAAAA`).
 */
export function salesNumber(prefix: string, value: number): string {
  let letters = '';
  let rest = value;
  for (let index = 0; index < 5; index += 1) {
    letters = String.fromCharCode(65 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26);
  }
  return `${prefix}-01000-T${letters}`;
}
