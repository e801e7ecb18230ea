import type { FinOpsCustomer } from '../FinOpsCustomer.js';

/** A value of a data entity row as F&O's OData service returns it. */
export type FinOpsEntityValue = string | number;

/** One row of a data entity: flat, strings never null, enums as member names. */
export type FinOpsEntityRow = Record<string, FinOpsEntityValue>;

/** How a field is typed on the wire; `datetime` reads as `2020-01-01T12:00:00Z`. */
export type EntityFieldKind = 'string' | 'decimal' | 'integer' | 'noyes' | 'datetime';

export interface EntityFieldDefinition {
  readonly kind: EntityFieldKind;
  /** The label F&O's Infolog uses for the field. */
  readonly label: string;
  /** Mandatory: validateWrite refuses the row while it is empty. */
  readonly required?: boolean;
  /** The members a string enum field accepts (e.g. a processing status). */
  readonly values?: readonly string[];
  /** The value a new row gets when the write does not set the field. */
  readonly defaultValue?: FinOpsEntityValue;
}

/** What validations and computed fields may look at: other rows of the same environment. */
export interface EntityLookup {
  customer(dataAreaId: string, account: string): FinOpsCustomer | undefined;
  /** A row of another entity set by its key fields (without dataAreaId). */
  row(entitySet: string, dataAreaId: string, key: readonly FinOpsEntityValue[]): FinOpsEntityRow | undefined;
  /** Whether a seed's reference list (customer groups, currencies…) holds the value; true when not enforced. */
  hasReference(list: string, dataAreaId: string, value: string): boolean;
}

/** What a write's `prepare` hook may use beyond the row. */
interface EntityWriteContext {
  readonly creating: boolean;
  /** The next global party number (DirPartyTable is shared across companies). */
  nextPartyNumber(): string;
  /** Other rows of the environment, for what F&O finds on a write (a released product's price). */
  readonly lookup: EntityLookup;
}

export interface ComputedFieldDefinition {
  readonly kind: EntityFieldKind;
  readonly label: string;
  compute(row: FinOpsEntityRow, lookup: EntityLookup): FinOpsEntityValue;
}

/**
 * A company-scoped F&O data entity, declared rather than coded: the generic store, payload
 * reader, validation, query and routing code serve every entity from its definition.
 */
export interface EntityDefinition {
  /** The entity set name, case-sensitive (e.g. `SalesQuotationLines`). */
  readonly entitySet: string;
  /** The entity type's short name in `$metadata` (e.g. `SalesQuotationLine`). */
  readonly typeName: string;
  /** The AOT entity name Infolog messages quote ("Write failed for table row of type ..."). */
  readonly tableType: string;
  /** The table the "record already exists" message names, e.g. `Sales quotation lines (SalesQuotationLine)`. */
  readonly tableLabel: string;
  /** Key fields after dataAreaId, in key order. */
  readonly keyFields: readonly string[];
  /** Stored fields, in the order rows list them; dataAreaId is added by the engine. */
  readonly fields: Readonly<Record<string, EntityFieldDefinition>>;
  /** Read-only fields computed whenever a row is read. */
  readonly computed?: Readonly<Record<string, ComputedFieldDefinition>>;
  /**
   * Checks beyond mandatory fields, as Infolog lines (e.g. referenced rows must exist).
   * `sent` holds the fields the write set: X++ validateField runs for those only.
   */
  validate?(row: FinOpsEntityRow, lookup: EntityLookup, sent: ReadonlySet<string>): string[];
  /** Fills what F&O derives on a valid write (a party number, a person's name), before the row is stored. */
  prepare?(row: FinOpsEntityRow, changes: Partial<FinOpsEntityRow>, context: EntityWriteContext): void;
}
