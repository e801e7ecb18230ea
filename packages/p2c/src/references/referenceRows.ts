import type { TransformContext } from '@p2c/core';

type Row = Readonly<Record<string, unknown>>;

/**
 * The rows of reference table `name` in this run. A task whose transform reads a table it did not
 * declare is a template bug, not a bad record, so it stops the run saying which table to declare.
 */
export function referenceRows(
  context: Pick<TransformContext, 'references'>,
  name: string,
  declaration: string,
): readonly Row[] {
  const rows = context.references?.[name];
  if (!rows) throw new Error(`The task has no '${name}' reference table (declare ${declaration})`);
  return rows;
}
