import { createHash } from 'node:crypto';

/** p2c's own namespace for name-based GUIDs (a random v4, fixed forever). */
const P2C_NAMESPACE = Buffer.from('6b1f4c1e2d3a4e5f9a7b8c9d0e1f2a3b', 'hex');

/**
 * A name-based (RFC 9562 version 5) GUID from the given parts: the same parts always give the
 * same GUID. Rows without an alternate key (order lines, price list items) are upserted by a
 * primary key chosen this way, so writing one twice never makes two rows.
 */
export function stableGuid(...parts: readonly string[]): string {
  const hash = createHash('sha1')
    .update(P2C_NAMESPACE)
    .update(parts.map((part) => part.trim().toUpperCase()).join('\u001f'))
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
