import type { EntityModel, RowReader } from '../odata/EntityModel.js';
import type { RowShape } from './rowShape.js';

/** What the Web API's query code needs to know about one entity set. */
export interface DataverseEntitySet<Row> {
  readonly name: string;
  readonly model: EntityModel;
  readonly primaryKey: string;
  readonly reader: RowReader<Row>;
  rows(): Row[];
  format(row: Row, shape: RowShape): Record<string, unknown>;
  /** Primary keys in key order and the row for one, for paging large tables without sorting them. */
  readonly keyOrder?: () => readonly string[];
  readonly byKey?: (key: string) => Row | undefined;
  /** Changes whenever a row does (lets later pages of a query reuse its sorted rows). */
  readonly version?: () => number;
}

/** `$metadata#accounts(name,transactioncurrencyid(isocurrencycode))` */
export function contextFragment(
  entitySet: string,
  select: readonly string[] | undefined,
  expand: readonly { navigation: string; select?: readonly string[] | undefined }[],
): string {
  const parts = [
    ...(select ?? []),
    ...expand.map((item) => `${item.navigation}(${item.select ? item.select.join(',') : ''})`),
  ];
  return parts.length > 0 ? `${entitySet}(${parts.join(',')})` : entitySet;
}
