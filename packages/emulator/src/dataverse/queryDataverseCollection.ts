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
import type { RowShape } from './formatAccount.js';

/** Dataverse returns at most 5000 rows a page, and ignores a larger odata.maxpagesize. */
export const DATAVERSE_MAX_PAGE_SIZE = 5000;
/** `$count` stops counting at 5000 and says so with an annotation. */
const COUNT_LIMIT = 5000;

const SUPPORTED_OPTIONS = new Set(['$select', '$filter', '$orderby', '$top', '$count', '$expand', '$skiptoken', '$format']);

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
  const matching = set.rows().filter((row) => filter?.(row) ?? true);
  if (countOnly) {
    return new Response(String(Math.min(matching.length, COUNT_LIMIT)), {
      status: 200,
      headers: { 'Content-Type': 'text/plain', 'OData-Version': '4.0' },
    });
  }
  matching.sort(compare);

  const preferences = parsePrefer(request.headers.get('prefer'));
  const applied: string[] = [];
  const asked = requestedPageSize(preferences);
  let page: Row[];
  let nextLink: string | undefined;
  if (top !== undefined) {
    // $top limits the result; Dataverse does not page it.
    page = matching.slice(0, Math.min(top, DATAVERSE_MAX_PAGE_SIZE));
  } else {
    const pageSize = asked !== undefined && asked <= DATAVERSE_MAX_PAGE_SIZE ? asked : DATAVERSE_MAX_PAGE_SIZE;
    if (asked !== undefined && asked <= DATAVERSE_MAX_PAGE_SIZE) applied.push(`odata.maxpagesize=${asked}`);
    const last = cookie?.last as Row | undefined;
    const start = last === undefined ? 0 : matching.findIndex((row) => compare(row, last) > 0);
    const from = start < 0 ? matching.length : start;
    page = matching.slice(from, from + pageSize);
    const lastRow = page[page.length - 1];
    if (from + pageSize < matching.length && lastRow !== undefined) {
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
    body['@odata.count'] = Math.min(matching.length, COUNT_LIMIT);
    if (matching.length > COUNT_LIMIT) body['@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded'] = true;
  }
  body['value'] = page.map((row) => set.format(row, shape));
  if (nextLink) body['@odata.nextLink'] = nextLink;
  return jsonResponse(200, body, applied.length > 0 ? { 'Preference-Applied': applied.join(',') } : {});
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
