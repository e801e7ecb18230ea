import { defaultTypeName, type SeedEntityDeclaration } from '../../seed/declarationSchema.js';
import type { EntityDefinition, EntityFieldDefinition, EntityLookup, FinOpsEntityRow } from './EntityDefinition.js';
import { missingCustomers } from './entityFields.js';

/** Infolog lines for referenced rows missing from the row's company, worded as the built-in checks are. */
function missingReferences(
  references: readonly [string, string, string][],
  row: FinOpsEntityRow,
  lookup: EntityLookup,
): string[] {
  const entries: string[] = [];
  for (const [field, label, entitySet] of references) {
    if (entitySet === 'CustomersV3') {
      entries.push(...missingCustomers(row, lookup, [field]));
      continue;
    }
    const value = row[field] ?? '';
    if (value === '' || lookup.row(entitySet, String(row['dataAreaId']), [value])) continue;
    entries.push(`${label} ${String(value)} does not exist.`);
  }
  return entries;
}

/** The entity a seed declared, as the generic entity engine serves it (no computed fields). */
export function declaredEntityDefinition(declaration: SeedEntityDeclaration): EntityDefinition {
  const typeName = declaration.typeName ?? defaultTypeName(declaration.entitySet);
  const fields: Record<string, EntityFieldDefinition> = {};
  const references: [string, string, string][] = [];
  for (const [name, field] of Object.entries(declaration.fields)) {
    const { references: target, ...rest } = field;
    fields[name] = rest;
    if (target !== undefined) references.push([name, field.label, target]);
  }
  return {
    entitySet: declaration.entitySet,
    typeName,
    tableType: `${typeName}Entity`,
    tableLabel: `${declaration.entitySet} (${typeName})`,
    keyFields: [...declaration.keyFields],
    fields,
    ...(references.length > 0
      ? { validate: (row: FinOpsEntityRow, lookup: EntityLookup) => missingReferences(references, row, lookup) }
      : {}),
  };
}
