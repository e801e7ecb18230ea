import { Emulator, emulatorHandlers } from '@p2c/emulator';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/**
 * One emulator for a test file, served through msw at the real services' addresses (Entra ID
 * included). Call it at the top of the file: it registers the vitest hooks that start and stop
 * msw. Each test then seeds it afresh with `startHarness`.
 */
export function useEmulator(): Emulator {
  const emulator = new Emulator();
  const server = setupServer(...emulatorHandlers(emulator));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return emulator;
}
