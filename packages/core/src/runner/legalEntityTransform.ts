import { RecordError } from '../errors/index.js';
import { isBlank, type NamedTransform } from '../mapping/index.js';

/**
 * The organization map as a transform: a CDS organization id (`ORG001`) becomes the F&O legal
 * entity (`usmf`) that the configuration maps it to.
 */
export function legalEntityTransform(organizations: Readonly<Record<string, string>>): NamedTransform {
  const byUpperId = new Map(Object.entries(organizations).map(([cds, legal]) => [cds.toUpperCase(), legal]));
  return (value, { field }) => {
    if (isBlank(value)) return null;
    const legalEntity = byUpperId.get(String(value).toUpperCase());
    if (legalEntity === undefined) {
      throw new RecordError(
        `${field}: organization '${String(value)}' has no legal entity in the organization map (config: organizations)`,
        { code: 'NO_ORGANIZATION_MAP', field, value: String(value) },
      );
    }
    return legalEntity;
  };
}
