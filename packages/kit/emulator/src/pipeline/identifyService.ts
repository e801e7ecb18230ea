import type { ServiceName } from './EmulatorContext.js';

const AUTH_ROUTES = [
  /^\/common\/discovery\/instance$/,
  /^\/[^/]+\/oauth2\/v2\.0\/token$/,
  /^\/[^/]+\/oauth2\/token$/,
  /^\/[^/]+\/v2\.0\/\.well-known\/openid-configuration$/,
];

/**
 * Routes by path so every service can share one origin: `/api/data/v9.2/` is Dataverse,
 * `/data/` is F&O, `/_emulator/` the admin API, and the Entra ID endpoints are auth.
 */
export function identifyService(url: URL): ServiceName | undefined {
  const path = url.pathname;
  if (path === '/api/data/v9.2' || path.startsWith('/api/data/v9.2/')) return 'sales';
  if (path === '/data' || path.startsWith('/data/')) return 'finops';
  if (path === '/_emulator' || path.startsWith('/_emulator/')) return 'admin';
  if (AUTH_ROUTES.some((route) => route.test(path))) return 'auth';
  return undefined;
}
