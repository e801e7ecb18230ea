import { randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/** 127.0.0.0/8, ::1 and `localhost`: only this machine can reach a server listening there. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  if (bare.startsWith('::ffff:')) return isLoopbackHost(bare.slice('::ffff:'.length));
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/** A fresh admin token: 32 random bytes, URL-safe. */
export function newAdminToken(): string {
  return randomBytes(32).toString('base64url');
}

/** `/_emulator/ca.pem` stays open: a client needs the certificate before it can trust anything. */
function needsToken(pathname: string): boolean {
  return /^\/_emulator(\/|$)/.test(pathname) && pathname.replace(/\/$/, '') !== '/_emulator/ca.pem';
}

function presented(request: Request): string | undefined {
  const header = request.headers.get('authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  return bearer ?? request.headers.get('x-emulator-admin-token') ?? undefined;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The admin API (reset, seed, PATCH, DELETE…) of a server others can reach answers only to the
 * token printed at start; undefined lets the request through, a Response refuses it.
 */
export function checkAdminAccess(request: Request, url: URL, token: string | undefined): Response | undefined {
  if (token === undefined || !needsToken(url.pathname)) return undefined;
  const given = presented(request);
  if (given !== undefined && sameToken(given, token)) return undefined;
  return new Response(
    JSON.stringify({
      error:
        'The admin API of an emulator listening beyond loopback needs its admin token (printed at start): send "Authorization: Bearer <token>".',
    }),
    { status: 401, headers: { 'Content-Type': 'application/json; charset=utf-8', 'WWW-Authenticate': 'Bearer' } },
  );
}
