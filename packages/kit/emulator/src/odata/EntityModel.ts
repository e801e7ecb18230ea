/** The EDM primitive types the emulated entities use, plus enum types by their full name. */
export type EdmPrimitive =
  | 'Edm.String'
  | 'Edm.Int32'
  | 'Edm.Int64'
  | 'Edm.Decimal'
  | 'Edm.Double'
  | 'Edm.Boolean'
  | 'Edm.Guid'
  | 'Edm.DateTimeOffset'
  | 'Edm.Date';

export interface PropertyModel {
  readonly type: EdmPrimitive | { readonly enumType: string; readonly members: readonly string[] };
}

/**
 * What the query layer needs to know about an entity type: its properties with their types and
 * its single-valued navigation properties (for `$expand` and `nav/prop` paths in `$filter`).
 */
export interface EntityModel {
  /** Qualified name used in error messages, e.g. `Microsoft.Dynamics.CRM.account`. */
  readonly typeName: string;
  readonly properties: Readonly<Record<string, PropertyModel>>;
  readonly navigation?: Readonly<Record<string, EntityModel>>;
}

/** Reads a property, or a navigation property's related row, from a stored row. */
export interface RowReader<Row> {
  value(row: Row, property: string): unknown;
  navigate?(row: Row, navigation: string): Record<string, unknown> | null;
}

export function findProperty(model: EntityModel, name: string): PropertyModel | undefined {
  return Object.hasOwn(model.properties, name) ? model.properties[name] : undefined;
}
