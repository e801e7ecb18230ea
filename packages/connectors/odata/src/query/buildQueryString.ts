import { ConfigError } from '@p2c/core';
import type { QueryOptions } from './QueryOptions.js';

/**
 * Builds the query string (without the leading `?`) in a fixed order: $select, $filter, $orderby,
 * $expand, $top, $skip, $count, cross-company, then `extra`. Values are percent-encoded (spaces as
 * `%20`, never `+`), keeping `,` `/` `:` `@` `$` and quotes readable.
 */
export function buildQueryString(query: QueryOptions): string {
  const params: [string, string][] = [];
  if (query.select !== undefined && query.select.length > 0) params.push(['$select', query.select.join(',')]);
  if (query.filter !== undefined && query.filter !== '') params.push(['$filter', query.filter]);
  if (query.orderby !== undefined && query.orderby.length > 0) params.push(['$orderby', query.orderby.join(',')]);
  if (query.expand !== undefined && query.expand !== '') params.push(['$expand', query.expand]);
  if (query.top !== undefined) params.push(['$top', String(nonNegativeInteger('top', query.top))]);
  if (query.skip !== undefined) params.push(['$skip', String(nonNegativeInteger('skip', query.skip))]);
  if (query.count !== undefined) params.push(['$count', query.count ? 'true' : 'false']);
  if (query.crossCompany === true) params.push(['cross-company', 'true']);
  for (const [name, value] of Object.entries(query.extra ?? {})) params.push([name, value]);
  return params.map(([name, value]) => `${encodeQueryPart(name)}=${encodeQueryPart(value)}`).join('&');
}

function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigError(`$${name} must be a non-negative integer, got ${value}`, { code: 'ODATA_INVALID_QUERY' });
  }
  return value;
}

const READABLE: Record<string, string> = { '%2C': ',', '%2F': '/', '%3A': ':', '%40': '@', '%24': '$' };

function encodeQueryPart(text: string): string {
  return encodeURIComponent(text).replace(/%2C|%2F|%3A|%40|%24/g, (match) => READABLE[match] ?? match);
}
