import { once } from 'node:events';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface TlsServer {
  url: string;
  /** PEM of the self-signed certificate (its own CA). */
  ca: string;
  /** `METHOD /path` of every request received. */
  requests: string[];
  close(): Promise<void>;
}

/** A self-signed certificate for localhost and 127.0.0.1. */
export async function localhostCertificate(): Promise<{ cert: string; key: string }> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/** An HTTPS server on a free localhost port; `handle` answers with a status and a JSON body. */
export async function startTlsServer(
  handle: (method: string, path: string, body: string, origin: string) => { status: number; json: unknown },
  certificate?: { cert: string; key: string },
): Promise<TlsServer> {
  const { cert, key } = certificate ?? (await localhostCertificate());
  const requests: string[] = [];
  let origin = '';
  const server: Server = createServer({ cert, key }, (request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', origin).pathname;
      requests.push(`${request.method} ${path}`);
      const answer = handle(request.method ?? 'GET', path, body, origin);
      response.writeHead(answer.status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(answer.json));
    });
  });
  server.listen(0, 'localhost');
  await once(server, 'listening');
  origin = `https://localhost:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    ca: cert,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
