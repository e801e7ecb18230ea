/**
 * Characters that must not reach a terminal as they are. Text from a remote system (a Sales
 * account's name, an F&O error message) can hold them, and printed raw they drive the terminal
 * (ESC and the C1 CSI start escape sequences, BEL rings, `\r` overwrites a line) or mislead the
 * reader (bidi overrides reorder what is shown, zero-width characters make two keys look alike):
 * - every control character (Unicode Cc: C0, DEL, C1) but tab and line feed, which our own
 *   output uses;
 * - every format character (Cf: bidi embeddings, overrides, isolates and marks, zero-width
 *   space, word joiner, byte order mark, soft hyphen, tag characters) but the zero-width
 *   non-joiner and joiner, which shape Persian and Indic words and emoji and cannot move text;
 * - the line and paragraph separators (U+2028, U+2029), which some terminals break lines on;
 * - unpaired surrogates, which would be printed as U+FFFD and hide what the value holds.
 */
const UNPRINTABLE =
  /(?![\t\n\u200c\u200d])[\p{Cc}\p{Cf}\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/**
 * Text made safe for a terminal: each character above is shown escaped as `\u001b` (`\u{e0041}`
 * beyond the BMP), everything else, backslashes included, is left as it is. The CLI's terminal
 * applies it to all it prints in human form, so no renderer can forget it.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (character) => `\\u${hex(character, 4)}`);
}

/**
 * JSON text with the same characters written as JSON escapes (`\u009b`, surrogate pairs beyond
 * the BMP): `JSON.parse` gives back exactly the same value, and no raw control reaches the
 * terminal. `JSON.stringify` escapes C0 itself, not DEL, C1 or format characters.
 */
export function printableJson(json: string): string {
  return json.replace(UNPRINTABLE, (character) =>
    Array.from({ length: character.length }, (_, i) => `\\u${unit(character, i)}`).join(''),
  );
}

function hex(character: string, width: number): string {
  const code = character.codePointAt(0) ?? 0;
  const digits = code.toString(16).padStart(width, '0');
  return code > 0xffff ? `{${digits}}` : digits;
}

function unit(character: string, index: number): string {
  return character.charCodeAt(index).toString(16).padStart(4, '0');
}
