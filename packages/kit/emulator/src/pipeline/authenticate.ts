import type { AuthService } from '../auth/AuthService.js';
import { DataverseFault } from '../dataverse/DataverseFault.js';
import type { Middleware } from './EmulatorContext.js';

/**
 * Data requests need `Authorization: Bearer <token issued by this emulator>`; without one
 * the services answer 401 with a `WWW-Authenticate` challenge naming the authority.
 */
export function authenticate(auth: AuthService): Middleware {
  return async (context, next) => {
    if (context.service !== 'sales' && context.service !== 'finops') return next(context);
    const clientId = auth.authorizedClient(context.request.headers.get('authorization'));
    if (clientId !== undefined) return next({ ...context, clientId });
    const challenge = { 'WWW-Authenticate': auth.challenge(context.url) };
    if (context.service === 'sales') {
      return new DataverseFault(
        401,
        '0x80072243',
        'The request has no valid access token. Send Authorization: Bearer <token> with a token issued for this organization.',
      ).toResponse(challenge);
    }
    return new Response(null, { status: 401, headers: challenge });
  };
}
