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
