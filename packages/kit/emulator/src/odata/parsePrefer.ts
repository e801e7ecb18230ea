/**
 * Reads `Prefer` headers into a map: `odata.maxpagesize=2, return=representation` ->
 * {'odata.maxpagesize' => '2', 'return' => 'representation'}; a bare token maps to ''.
 */
export function parsePrefer(header: string | null): Map<string, string> {
  const preferences = new Map<string, string>();
  if (!header) return preferences;
  const parts = header.match(/(?:[^,"]|"[^"]*")+/g) ?? [];
  for (const part of parts) {
    const [token = '', ...rest] = part.split('=');
    const name = token.trim().toLowerCase();
    if (!name) continue;
    const value = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    preferences.set(name, value);
  }
  return preferences;
}

/** The page size a client asked for, or undefined when it sent none or an invalid one. */
export function requestedPageSize(preferences: Map<string, string>): number | undefined {
  const raw = preferences.get('odata.maxpagesize');
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  const size = Number(raw);
  return size > 0 ? size : undefined;
}
