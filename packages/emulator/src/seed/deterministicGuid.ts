import { createHash } from 'node:crypto';

/** A name-based GUID (UUID v5 layout over SHA-1), so the same seed always yields the same ids. */
export function deterministicGuid(name: string): string {
  const hex = createHash('sha1').update(`p2c-emulator:${name}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
