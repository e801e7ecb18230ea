import { Emulator, emulatorHandlers, startEmulatorServer, type EmulatorServer } from '@p2c/emulator';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { registerServer } from './emulatorEndpoints.js';

export interface UseEmulatorOptions {
  /**
   * `'msw'` (the default): served through msw at the real services' addresses, in this process
   * only. `'https'`: served by a real HTTPS server on 127.0.0.1 (self-signed certificate), for
   * tests that spawn the CLI; harnesses on it talk HTTP too, and `h.endpoints` says where.
   */
  over?: 'msw' | 'https';
}

/**
 * One emulator for a test file. Call it at the top of the file: it registers the vitest hooks
 * that start and stop msw (or the HTTPS server). Each test then seeds it afresh with `startHarness`.
 */
export function useEmulator(options: UseEmulatorOptions = {}): Emulator {
  const emulator = new Emulator();
  if (options.over === 'https') {
    let server: EmulatorServer | undefined;
    beforeAll(async () => {
      server = await startEmulatorServer({ emulator });
      registerServer(emulator, server);
    });
    afterAll(async () => {
      registerServer(emulator, undefined);
      await server?.close();
    });
    return emulator;
  }
  const server = setupServer(...emulatorHandlers(emulator));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return emulator;
}
