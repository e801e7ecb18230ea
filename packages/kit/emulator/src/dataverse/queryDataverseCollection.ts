import { annotationFilter } from '../odata/annotationFilter.js';
import { compileFilter } from '../odata/filter/compileFilter.js';
import { ODataQueryError } from '../odata/ODataQueryError.js';
import { parseExpand } from '../odata/parseExpand.js';
import { parseOrderBy, rowComparator, type OrderByItem } from '../odata/parseOrderBy.js';
import { parsePrefer, requestedPageSize } from '../odata/parsePrefer.js';
import { parseSelect } from '../odata/parseSelect.js';
import { jsonResponse } from '../http/jsonResponse.js';
import { buildQuery } from '../odata/buildQuery.js';
import { contextFragment, type DataverseEntitySet } from './DataverseEntitySet.js';
import { dataverseFaults } from './DataverseFault.js';
import type { RowShape } from './rowShape.js';

/** Dataverse returns at most 5000 rows a page, and ignores a larger odata.maxpagesize. */
export const DATAVERSE_MAX_PAGE_SIZE = 5000;
/** `$count` stops counting at 5000 and says so with an annotation. */
const COUNT_LIMIT = 5000;

const SUPPORTED_OPTIONS = new Set([
  '$select',
  '$filter',
  '$orderby',
  '$top',
  '$count',
  '$expand',
  '$skiptoken',
  '$format',
]);

function checkOptions(url: URL): void {
  for (const name of url.searchParams.keys()) {
    if (name === '$skip') throw new ODataQueryError('The query parameter $skip is not supported');
    if (name.startsWith('$') && !SUPPORTED_OPTIONS.has(name)) {
      throw new ODataQueryError(`The query parameter '${name}' is not supported.`);
    }
  }
}

function parseTop(text: string | null): number | undefined {
  if (text === null) return undefined;
  if (!/^\d+$/.test(text)) {
    throw new ODataQueryError(
      `Invalid value '${text}' for $top query option found. The $top query option requires a non-negative integer value.`,
    );
  }
  return Number(text);
}

interface PagingCookie {
  readonly page: number;
  readonly last: Record<string, unknown>;
}

function writeSkipToken(cookie: PagingCookie): string {
  return `<cookie pagenumber="${cookie.page + 1}" pagingcookie="${encodeURIComponent(JSON.stringify(cookie.last))}" istracking="False" />`;
}

function readSkipToken(token: string): PagingCookie {
  const page = /pagenumber="(\d+)"/.exec(token);
  const last = /pagingcookie="([^"]*)"/.exec(token);
  try {
    const values: unknown = JSON.parse(decodeURIComponent(last?.[1] ?? ''));
    if (page && typeof values === 'object' && values !== null) {
      return { page: Number(page[1]) - 1, last: values as Record<string, unknown> };
    }
  } catch {
    // fall through to the refusal below
  }
  throw new ODataQueryError(`The $skiptoken value '${token}' is not valid.`);
}

/**
 * GET on a Dataverse collection (or its `/$count`, which stops at 5000 too): `$filter`, `$orderby`, `$select`, `$expand`, `$top`,
 * `$count`, and server-driven paging with `Prefer: odata.maxpagesize` whose next link carries
 * a paging cookie in `$skiptoken` (keyset paging on the sort keys, as Dataverse's cookie is).
 */
export function queryDataverseCollection<Row>(
  request: Request,
  url: URL,
  set: DataverseEntitySet<Row>,
  serviceRoot: string,
  countOnly = false,
): Response {
  let filter: ((row: Row) => boolean) | undefined;
  let orderBy: OrderByItem[] = [];
  let top: number | undefined;
  let shape: ReturnType<typeof readShape>;
  let cookie: PagingCookie | undefined;
  try {
    checkOptions(url);
    const filterText = url.searchParams.get('$filter');
    if (filterText !== null) filter = compileFilter(filterText, set.model, set.reader);
    const orderText = url.searchParams.get('$orderby');
    if (orderText !== null) orderBy = parseOrderBy(orderText, set.model);
    top = parseTop(url.searchParams.get('$top'));
    shape = readShape(url, request, set);
    const token = url.searchParams.get('$skiptoken');
    if (token !== null) cookie = readSkipToken(token);
  } catch (error) {
    if (error instanceof ODataQueryError) throw dataverseFaults.query(error.message);
    throw error;
  }

  const compare = rowComparator(orderBy, [set.primaryKey], set.reader);
  const inKeyOrder =
    filter === undefined &&
    set.keyOrder !== undefined &&
    orderBy.every((item) => item.property === set.primaryKey && !item.descending);
  const matching = inKeyOrder
    ? []
    : sortedMatches(set, url, () =>
        set
          .rows()
          .filter((row) => filter?.(row) ?? true)
          .sort(compare),
      );
  const matchingCount = inKeyOrder ? set.keyOrder().length : matching.length;
  if (countOnly) {
    return new Response(String(Math.min(matchingCount, COUNT_LIMIT)), {
      status: 200,
      headers: { 'Content-Type': 'text/plain', 'OData-Version': '4.0' },
    });
  }

  const preferences = parsePrefer(request.headers.get('prefer'));
  const applied: string[] = [];
  const asked = requestedPageSize(preferences);
  let page: Row[];
  let nextLink: string | undefined;
  const pageSize = asked !== undefined && asked <= DATAVERSE_MAX_PAGE_SIZE ? asked : DATAVERSE_MAX_PAGE_SIZE;
  const last = cookie?.last as Row | undefined;
  let more: boolean;
  if (inKeyOrder) {
    // Primary-key order without a filter: the table's key index pages without sorting.
    const ids = set.keyOrder();
    const size = top !== undefined ? Math.min(top, DATAVERSE_MAX_PAGE_SIZE) : pageSize;
    const from =
      last === undefined || top !== undefined
        ? 0
        : firstAfter(ids, String(set.reader.value(last, set.primaryKey)).toLowerCase());
    page = ids.slice(from, from + size).flatMap((id) => {
      const row = set.byKey?.(id);
      return row === undefined ? [] : [row];
    });
    more = from + size < ids.length;
  } else if (top !== undefined) {
    page = matching.slice(0, Math.min(top, DATAVERSE_MAX_PAGE_SIZE));
    more = false;
  } else {
    // Keyset paging: resume after the last row's sort keys (binary search in the sorted rows).
    const from =
      last === undefined ? 0 : firstIndex(matching.length, (index) => compare(matching[index] as Row, last) > 0);
    page = matching.slice(from, from + pageSize);
    more = from + pageSize < matching.length;
  }
  // $top limits the result; Dataverse does not page it.
  if (top === undefined) {
    if (asked !== undefined && asked <= DATAVERSE_MAX_PAGE_SIZE) applied.push(`odata.maxpagesize=${asked}`);
    const lastRow = page[page.length - 1];
    if (more && lastRow !== undefined) {
      const keys = [...orderBy.map((item) => item.property), set.primaryKey];
      const lastValues = Object.fromEntries(keys.map((key) => [key, set.reader.value(lastRow, key)]));
      const params = [...url.searchParams].filter(([name]) => name !== '$skiptoken');
      params.push(['$skiptoken', writeSkipToken({ page: (cookie?.page ?? 0) + 1, last: lastValues })]);
      nextLink = `${url.origin}${url.pathname}?${buildQuery(params)}`;
    }
  }
  if (shape.annotationPreference !== undefined) {
    applied.push(`odata.include-annotations="${shape.annotationPreference}"`);
  }

  const body: Record<string, unknown> = {
    '@odata.context': `${serviceRoot}$metadata#${contextFragment(set.name, shape.select, shape.expand)}`,
  };
  if (url.searchParams.get('$count') === 'true') {
    body['@odata.count'] = Math.min(matchingCount, COUNT_LIMIT);
    if (matchingCount > COUNT_LIMIT) body['@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded'] = true;
  }
  body['value'] = page.map((row) => set.format(row, shape));
  if (nextLink) body['@odata.nextLink'] = nextLink;
  return jsonResponse(200, body, applied.length > 0 ? { 'Preference-Applied': applied.join(',') } : {});
}

/** The lowest index in [0, length) for which `test` holds, given it holds for a suffix. */
function firstIndex(length: number, test: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The filtered, sorted rows of a query. While the table is unchanged the next pages of the
 * same query reuse them, so paging a million rows does not filter and sort them once a page.
 */
const sortedCache = new WeakMap<object, { readonly key: string; readonly rows: readonly unknown[] }>();

function sortedMatches<Row>(set: DataverseEntitySet<Row>, url: URL, compute: () => Row[]): readonly Row[] {
  if (!set.version) return compute();
  const key = `${set.version()}|${url.searchParams.get('$filter') ?? ''}|${url.searchParams.get('$orderby') ?? ''}`;
  const cached = sortedCache.get(set);
  if (cached?.key === key) return cached.rows as readonly Row[];
  const rows = compute();
  sortedCache.set(set, { key, rows });
  return rows;
}

/** Index of the first key greater than `key` in ascending keys. */
function firstAfter(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((keys[middle] ?? '') <= key) low = middle + 1;
    else high = middle;
  }
  return low;
}

export interface ReadShape extends RowShape {
  readonly annotationPreference: string | undefined;
}

/** `$select`, `$expand` and the annotations preference, for a collection or a single row. */
export function readShape<Row>(url: URL, request: Request, set: DataverseEntitySet<Row>): ReadShape {
  const selectText = url.searchParams.get('$select');
  const expandText = url.searchParams.get('$expand');
  const annotationPreference = parsePrefer(request.headers.get('prefer')).get('odata.include-annotations');
  return {
    select: selectText === null ? undefined : parseSelect(selectText, set.model),
    expand: expandText === null ? [] : parseExpand(expandText, set.model),
    annotations: annotationFilter(annotationPreference),
    annotationPreference,
  };
}
