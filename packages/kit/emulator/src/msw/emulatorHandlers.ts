import { http, type HttpHandler } from 'msw';
import { DEFAULT_URLS, type EmulatorUrls } from '../defaults.js';
import type { Emulator } from '../Emulator.js';

/**
 * msw 2 request handlers: one `http.all` per distinct origin, each delegating to
 * `emulator.handle`. The emulator routes by path, so the three URLs may share an origin.
 */
export function emulatorHandlers(emulator: Emulator, urls: Partial<EmulatorUrls> = {}): HttpHandler[] {
  const resolved: EmulatorUrls = { ...DEFAULT_URLS, ...urls };
  const origins = new Set([resolved.salesUrl, resolved.finopsUrl, resolved.loginUrl].map((url) => new URL(url).origin));
  return [...origins].map((origin) => http.all(`${origin}/*`, ({ request }) => emulator.handle(request)));
}
