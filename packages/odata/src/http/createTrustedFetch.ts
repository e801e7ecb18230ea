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
  return async (input, init) => {
    // undici's fetch and Node's global fetch share the WHATWG shapes; only their TS declarations differ.
    const response = await undiciFetch(input, { ...(init as object), dispatcher } as Parameters<typeof undiciFetch>[1]);
    return response as unknown as Response;
  };
}
