import { randomUUID } from 'node:crypto';

/**
 * A Microsoft Entra ID (AAD) error body: `error`, `error_description` ending with trace and
 * correlation ids and a timestamp, and the numeric AADSTS code. Never carries a secret.
 */
export function aadError(status: number, error: string, code: number, description: string, now: Date): Response {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = now
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
  return new Response(
    JSON.stringify({
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    }),
    { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store, no-cache' } },
  );
}
