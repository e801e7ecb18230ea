import { Agent, request } from 'node:https';

export interface HttpsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface HttpsRequestOptions {
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Milliseconds before the request is abandoned (default 120 s). */
  timeoutMs?: number;
}

/**
 * A minimal HTTPS client for one origin, trusting one CA: keep-alive sockets, nothing else
 * between the bench and the emulator (no retries, no token cache), so the ceiling it measures
 * is the emulator's, not a client library's.
 */
export class HttpsClient {
  readonly origin: URL;
  readonly #agent: Agent;

  constructor(origin: string, ca: string, maxSockets = 16) {
    this.origin = new URL(origin);
    this.#agent = new Agent({ ca, keepAlive: true, maxSockets });
  }

  /**
   * A keep-alive socket the server closed just as it was reused fails with ECONNRESET before
   * the request reached the server; sent again once on a fresh socket, as Node's docs advise.
   */
  async send(method: string, path: string, options: HttpsRequestOptions = {}): Promise<HttpsAnswer> {
    try {
      return await this.#send(method, path, options);
    } catch (error) {
      if (error instanceof StaleSocketError) return this.#send(method, path, options);
      throw error;
    }
  }

  #send(method: string, path: string, options: HttpsRequestOptions): Promise<HttpsAnswer> {
    const url = new URL(path, this.origin);
    const body = options.body === undefined ? undefined : typeof options.body === 'string' ? Buffer.from(options.body, 'utf8') : options.body;
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          agent: this.#agent,
          headers: { ...options.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) },
          timeout: options.timeoutMs ?? 120_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${url.pathname}: no answer within ${options.timeoutMs ?? 120_000} ms`)));
      req.on('error', (error: NodeJS.ErrnoException) => {
        reject(req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE') ? new StaleSocketError(error.message) : error);
      });
      req.end(body);
    });
  }

  /** Sends and expects a 2xx JSON answer. */
  async json<T>(method: string, path: string, options: HttpsRequestOptions = {}): Promise<T> {
    const answer = await this.send(method, path, {
      ...options,
      headers: { Accept: 'application/json', ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...options.headers },
    });
    if (answer.status < 200 || answer.status >= 300) {
      throw new Error(`${method} ${path} answered ${answer.status}: ${answer.body.slice(0, 500)}`);
    }
    return (answer.body === '' ? undefined : JSON.parse(answer.body)) as T;
  }

  close(): void {
    this.#agent.destroy();
  }
}

class StaleSocketError extends Error {}
