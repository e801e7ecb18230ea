/** Merges header records into one `Headers`, later records winning; Prefer values are combined instead. */
export function mergeHeaders(...records: (Record<string, string> | undefined)[]): Headers {
  const headers = new Headers();
  const prefer: string[] = [];
  for (const record of records) {
    for (const [name, value] of Object.entries(record ?? {})) {
      if (name.toLowerCase() === 'prefer') prefer.push(value);
      else headers.set(name, value);
    }
  }
  const merged = mergePrefer(prefer);
  if (merged !== '') headers.set('Prefer', merged);
  return headers;
}

/**
 * Combines Prefer header values (`odata.track-changes`, `odata.include-annotations="*"`,
 * `odata.maxpagesize=500`); a later value for the same preference replaces an earlier one.
 */
function mergePrefer(values: readonly (string | undefined)[]): string {
  const byName = new Map<string, string>();
  for (const value of values) {
    for (const preference of splitPreferences(value ?? '')) {
      const name = (preference.split('=')[0] ?? '').trim().toLowerCase();
      byName.delete(name);
      byName.set(name, preference);
    }
  }
  return [...byName.values()].join(',');
}

/** Splits on commas outside double quotes (`odata.include-annotations="a,b"` stays whole). */
function splitPreferences(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of value) {
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      if (current.trim() !== '') out.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim() !== '') out.push(current.trim());
  return out;
}
