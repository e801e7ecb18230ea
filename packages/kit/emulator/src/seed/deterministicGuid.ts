import * as crypto from 'node:crypto';

// One-shot hashing (Node >= 20.12) is much faster than a Hash object per id.
const sha1Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha1', text, 'hex')
    : (text) => crypto.createHash('sha1').update(text).digest('hex');

/** A name-based GUID (UUID v5 layout over SHA-1), so the same seed always yields the same ids. */
export function deterministicGuid(name: string): string {
  const hex = sha1Hex(`p2c-emulator:${name}`);
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
