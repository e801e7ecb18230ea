/** A JSON response with the headers both OData services send on every answer. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8',
      'OData-Version': '4.0',
      ...headers,
    },
  });
}

/** A bodiless response (204, 304) with the OData version header. */
export function emptyResponse(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers: { 'OData-Version': '4.0', ...headers } });
}

/** Reads a JSON object body; undefined when the text is not a JSON object. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | undefined> {
  const text = await request.text();
  if (text.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Builds a query string the way OData services write next links: `$`-names left as they are. */
export function buildQuery(params: Iterable<[string, string]>): string {
  const parts: string[] = [];
  for (const [name, value] of params) {
    parts.push(`${encodeURIComponent(name).replace(/%24/g, '$')}=${encodeURIComponent(value)}`);
  }
  return parts.join('&');
}
