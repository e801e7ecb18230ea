import { readPath } from '../../mapping/readPath.js';
import type { NaturalKeyPolicy } from '../../templates/index.js';
import type { ParentReference } from '../../templates/ParentReference.js';

declare const naturalKeyBrand: unique symbol;

/**
 * A natural key in the one form it is indexed, compared and stored in: trimmed and in upper
 * case, as Dataverse and F&O compare keys without regard to case. Only `naturalKey` makes one,
 * so a state store stores and compares these as given.
 */
export type NaturalKey = string & { readonly [naturalKeyBrand]: 'NaturalKey' };

export function naturalKey(key: string): NaturalKey {
  return key.trim().toUpperCase() as NaturalKey;
}

/** The key a value holds as people read it (trimmed), or null when it holds none. */
export function keyText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** A record's own natural key as read: composed from its parts, or its policy's source field. */
export function readNaturalKey(data: Readonly<Record<string, unknown>>, policy: NaturalKeyPolicy): string | null {
  return keyText(policy.compose ? policy.compose(data) : readPath(data, policy.sourceField));
}

/** The natural key of the record's parent: the first of the reference's places that holds one (a number counts). */
export function readParentKey(data: Readonly<Record<string, unknown>>, reference: ParentReference): string | null {
  const paths = typeof reference.sourceField === 'string' ? [reference.sourceField] : reference.sourceField;
  for (const path of paths) {
    const raw = readPath(data, path);
    const key = keyText(typeof raw === 'number' ? String(raw) : raw);
    if (key !== null) return key;
  }
  return null;
}
