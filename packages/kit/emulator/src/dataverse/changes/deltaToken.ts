/** A delta token as Dataverse writes it: `<row version>!<MM/DD/YYYY HH:mm:ss>` (UTC). */
export interface DeltaToken {
  readonly version: number;
  /** When the token's version was taken (ms since the epoch). */
  readonly issuedAt: number;
}

function two(value: number): string {
  return String(value).padStart(2, '0');
}

export function formatDeltaToken(token: DeltaToken): string {
  const date = new Date(token.issuedAt);
  const day = `${two(date.getUTCMonth() + 1)}/${two(date.getUTCDate())}/${date.getUTCFullYear()}`;
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${token.version}!${day} ${time}`;
}

export function parseDeltaToken(text: string): DeltaToken | undefined {
  const match = /^(\d+)!(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [, version, month, day, year, hours, minutes, seconds] = match.map(Number);
  const issuedAt = Date.UTC(year ?? 0, (month ?? 1) - 1, day, hours, minutes, seconds);
  if (!Number.isSafeInteger(version) || Number.isNaN(issuedAt)) return undefined;
  return { version: version ?? 0, issuedAt };
}
