import type { ClientSecretCredentialOptions } from '@azure/identity';
import type { FetchLike } from '../client/ODataClientOptions.js';

// The Azure core types, reached through @azure/identity's public options so no extra dependency is needed.
type HttpClient = NonNullable<ClientSecretCredentialOptions['httpClient']>;
type PipelineRequest = Parameters<HttpClient['sendRequest']>[0];
type PipelineResponse = Awaited<ReturnType<HttpClient['sendRequest']>>;
type HttpHeaders = PipelineResponse['headers'];

/**
 * An Azure SDK `HttpClient` that sends through a fetch function, so @azure/identity's calls to the
 * authority use the same connection settings (a trusted CA) as ours. Only text bodies are
 * supported: MSAL sends form-encoded strings and reads JSON.
 */
export function createFetchHttpClient(fetchImpl: FetchLike): HttpClient {
  return {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      const body = request.body;
      if (body !== undefined && body !== null && typeof body !== 'string') {
        throw new Error('This HTTP client only sends text bodies');
      }
      const signals: AbortSignal[] = [];
      if (request.abortSignal) signals.push(request.abortSignal as AbortSignal);
      if (request.timeout > 0) signals.push(AbortSignal.timeout(request.timeout));
      const init: RequestInit = {
        method: request.method,
        headers: Object.fromEntries(request.headers),
        redirect: 'manual',
      };
      if (typeof body === 'string') init.body = body;
      if (signals.length > 0) init.signal = AbortSignal.any(signals);
      const response = await fetchImpl(request.url, init);
      return {
        request,
        status: response.status,
        headers: new FetchHeaders(response.headers),
        bodyAsText: await response.text(),
      };
    },
  };
}

class FetchHeaders implements HttpHeaders {
  readonly #headers: Headers;

  constructor(headers: Headers) {
    this.#headers = new Headers(headers);
  }

  get(name: string): string | undefined {
    return this.#headers.get(name) ?? undefined;
  }

  has(name: string): boolean {
    return this.#headers.has(name);
  }

  set(name: string, value: string | number | boolean): void {
    this.#headers.set(name, String(value));
  }

  delete(name: string): void {
    this.#headers.delete(name);
  }

  toJSON(): Record<string, string> {
    return Object.fromEntries(this.#headers);
  }

  [Symbol.iterator](): Iterator<[string, string]> {
    return this.#headers.entries();
  }
}
