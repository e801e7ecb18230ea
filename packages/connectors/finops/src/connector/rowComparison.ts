type Row = Readonly<Record<string, unknown>>;

/** F&O has no null text: a blank string field reads back as ''. */
function normalize(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  return value;
}

/** Whether `existing` (as F&O returns it) already holds every value of `wanted`. */
export function holdsValues(existing: Row, wanted: Row, ignore: ReadonlySet<string>): boolean {
  for (const [field, value] of Object.entries(wanted)) {
    if (ignore.has(field)) continue;
    const have = normalize(existing[field]);
    const want = normalize(value);
    if (typeof have === 'number' || typeof want === 'number') {
      if (Number(have || 0) !== Number(want || 0)) return false;
    } else if (have !== want) {
      return false;
    }
  }
  return true;
}

/** The body of a create: only the fields that have a value ("send only the fields you set"). */
export function createBody(row: Row): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).filter(([, value]) => value !== null && value !== undefined && value !== ''),
  );
}

/**
 * The body of an update: every mapped field but the key, so a value cleared in the source is
 * cleared in F&O (as '' for text; a cleared number is left as it is).
 */
export function updateBody(
  row: Row,
  keyFields: ReadonlySet<string>,
  numberFields: ReadonlySet<string>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    if (keyFields.has(field)) continue;
    if (value === null || value === undefined) {
      if (!numberFields.has(field)) body[field] = '';
      continue;
    }
    body[field] = value;
  }
  return body;
}
