type Row = Readonly<Record<string, unknown>>;

/** Per run, the indexes built over a reference table's rows (a run's rows are one array). */
const indexes = new WeakMap<readonly Row[], Map<string, ReadonlyMap<string, Row>>>();

/**
 * The rows of a reference table by `keyOf` (the first row wins a key, as a search would), built
 * once per run and index name: a bind that runs for every record then looks a key up instead of
 * scanning every row.
 */
export function rowsByKey(
  rows: readonly Row[],
  indexName: string,
  keyOf: (row: Row) => string,
): ReadonlyMap<string, Row> {
  let byName = indexes.get(rows);
  if (!byName) {
    byName = new Map<string, ReadonlyMap<string, Row>>();
    indexes.set(rows, byName);
  }
  let index = byName.get(indexName);
  if (!index) {
    const built = new Map<string, Row>();
    for (const row of rows) {
      const key = keyOf(row);
      if (key !== '' && !built.has(key)) built.set(key, row);
    }
    byName.set(indexName, (index = built));
  }
  return index;
}
