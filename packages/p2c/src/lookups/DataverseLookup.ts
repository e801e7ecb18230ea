/**
 * A Sales lookup column joined onto the rows a task reads (`EntityRef.options.lookups` of a
 * Dataverse source), as `$expand` would show it: `transactioncurrencyid` becomes
 * `{ isocurrencycode: 'EUR' }`. The Dataverse connector's options schema checks it when the
 * task runs; this is the shape templates write.
 */
export interface DataverseLookup {
  /** The related table's entity set, e.g. `transactioncurrencies`. */
  entity: string;
  /** Its id column, e.g. `transactioncurrencyid`. */
  idField: string;
  /** The columns wanted from it, e.g. `['isocurrencycode']`. */
  select: string[];
  /** The column holding the related id, when it is not `_<name>_value`. */
  column?: string;
}
