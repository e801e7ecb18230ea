import type { Transform } from './Transform.js';

export interface FieldMapping {
  /** The field produced. */
  target: string;
  /** The input field, a dotted path for expanded lookups (`transactioncurrencyid.isocurrencycode`); none for a constant. */
  source?: string;
  /** Applied in order. */
  transforms?: Transform[];
  /**
   * Left out unless the configuration gives this field a value map: value maps are specific to
   * each organization's data (the source document's payment terms, freight terms, ...).
   */
  onlyWithValueMap?: boolean;
}

/** One leg of a task: Source > CDS, or CDS > Destination. Declared, never coded. */
export interface Mapping {
  name: string;
  fields: FieldMapping[];
}
