/** Builds a query string the way OData services write next links: `$`-names left as they are. */
export function buildQuery(params: Iterable<[string, string]>): string {
  const parts: string[] = [];
  for (const [name, value] of params) {
    parts.push(`${encodeURIComponent(name).replace(/%24/g, '$')}=${encodeURIComponent(value)}`);
  }
  return parts.join('&');
}
