import type { IncomingMessage, ServerResponse } from 'node:http';

async function readBody(message: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * IncomingMessage -> Fetch Request. The origin comes from the Host header, so links the
 * emulator writes (next links, OpenID endpoints) point where the client actually connected.
 */
export async function toFetchRequest(
  message: IncomingMessage,
  fallbackHost: string,
  signal?: AbortSignal,
): Promise<Request> {
  const host = message.headers.host ?? fallbackHost;
  const url = new URL(message.url ?? '/', `https://${host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const method = (message.method ?? 'GET').toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(message);
  return new Request(url, {
    method,
    headers,
    ...(body && body.length > 0 ? { body } : {}),
    ...(signal ? { signal } : {}),
  });
}

/** Fetch Response -> ServerResponse. */
export async function sendFetchResponse(response: Response, target: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 204 && response.status !== 304) headers['content-length'] = String(body.length);
  target.writeHead(response.status, headers);
  target.end(response.status === 204 || response.status === 304 ? undefined : body);
}
