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
  #agent: Agent;

  constructor(
    origin: string,
    private readonly ca: string,
    private readonly maxSockets = 16,
  ) {
    this.origin = new URL(origin);
    this.#agent = this.#newAgent();
  }

  #newAgent(): Agent {
    return new Agent({ ca: this.ca, keepAlive: true, maxSockets: this.maxSockets });
  }

  /** Drops every kept-alive socket: the next requests open fresh ones. */
  resetConnections(): void {
    this.#agent.destroy();
    this.#agent = this.#newAgent();
  }

  /**
   * A keep-alive socket the server closed just as it was reused fails with ECONNRESET before
   * the request reached the server (Node's docs advise sending it again). The emulator closes
   * idle sockets after 5 s, and a long pause of its event loop (a major GC with a million rows)
   * can close several at once: so the request goes once more on a connection of its own
   * (dropping the pool would break the requests in flight on it).
   */
  async send(method: string, path: string, options: HttpsRequestOptions = {}): Promise<HttpsAnswer> {
    try {
      return await this.#send(method, path, options);
    } catch (error) {
      if (!(error instanceof StaleSocketError)) throw error;
      return this.#send(method, path, options, false);
    }
  }

  #send(method: string, path: string, options: HttpsRequestOptions, pooled = true): Promise<HttpsAnswer> {
    const url = new URL(path, this.origin);
    const body =
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? Buffer.from(options.body, 'utf8')
          : options.body;
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          ...(pooled ? { agent: this.#agent } : { agent: false, ca: this.ca }),
          headers: { ...options.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) },
          timeout: options.timeoutMs ?? 120_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () =>
        req.destroy(new Error(`${method} ${url.pathname}: no answer within ${options.timeoutMs ?? 120_000} ms`)),
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        const stale = req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
        const message = `${method} ${url.pathname}: ${error.message}${req.reusedSocket ? ' (on a reused keep-alive socket)' : ''}`;
        reject(stale ? new StaleSocketError(message) : new Error(message, { cause: error }));
      });
      req.end(body);
    });
  }

  /** Sends and expects a 2xx JSON answer. */
  async json<T>(method: string, path: string, options: HttpsRequestOptions = {}): Promise<T> {
    const answer = await this.send(method, path, {
      ...options,
      headers: {
        Accept: 'application/json',
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...options.headers,
      },
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
