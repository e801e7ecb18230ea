import { redactUrlCredentials } from './redactUrlCredentials.js';

const MASK = '***';

/** Patterns that carry credentials whatever their value: bearer tokens, secrets in forms and JSON (URLs' user info aside). */
const CREDENTIAL_PATTERNS: readonly RegExp[] = [
  /(Bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi,
  /((?:client_secret|access_token|refresh_token|clientSecret|password)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi,
];

/**
 * Removes secrets from text before it reaches a log, an error, a snapshot or the state store:
 * the known secret values, and anything shaped like a credential (the user info of a URL too).
 */
export class Redactor {
  readonly #secrets = new Set<string>();

  /** Remembers a secret value; values too short to be secrets are ignored to keep text readable. */
  add(secret: string | undefined): void {
    if (secret && secret.length >= 4) this.#secrets.add(secret);
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.#secrets) result = result.split(secret).join(MASK);
    for (const pattern of CREDENTIAL_PATTERNS) result = result.replace(pattern, `$1${MASK}`);
    return redactUrlCredentials(result);
  }
}
