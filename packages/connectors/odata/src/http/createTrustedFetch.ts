import { rootCertificates } from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';
import type { FetchLike } from '../client/ODataClientOptions.js';

/**
 * A fetch that trusts one more certificate authority (PEM), for these connections only: an undici
 * Agent with that CA beside Node's bundled roots, used by undici's own fetch. The process-wide
 * trust store and global dispatcher are left alone.
 */
export function createTrustedFetch(caPem: string): FetchLike {
  const dispatcher = new Agent({ connect: { ca: [...rootCertificates, caPem] } });
  // undici's fetch takes and returns the WHATWG shapes Node's global fetch does, plus its own `dispatcher`.
  return async (input, init) => undiciFetch(input, { ...init, dispatcher });
}
