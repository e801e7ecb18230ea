/** `scheme://user:password@`: the user info of any URL in a text. */
const URL_USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;

/**
 * Masks the user info of every URL in `text` (`https://user:pw@host` becomes `https://***@host`):
 * a password written into a URL must not reach a log, an error or the state store.
 */
export function redactUrlCredentials(text: string): string {
  return text.replace(URL_USER_INFO, '$1***@');
}
