import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

export const TOKEN_LIFETIME_SECONDS = 3599;

export interface AccessTokenClaims {
  readonly aud: string;
  readonly iss: string;
  readonly iat: number;
  readonly nbf: number;
  readonly exp: number;
  readonly appid: string;
  readonly appidacr: '1';
  readonly idp: string;
  readonly idtyp: 'app';
  readonly oid: string;
  readonly sub: string;
  readonly tid: string;
  readonly uti: string;
  readonly ver: '1.0';
}

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/** Signs claims into a JWT-shaped token (HS256 with the emulator's own key). */
export function signAccessToken(claims: AccessTokenClaims, key: Buffer): string {
  const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256', kid: 'p2c-emulator' }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** The claims of a token this key signed, or undefined when the signature does not match. */
export function verifyAccessToken(token: string, key: Buffer): AccessTokenClaims | undefined {
  const [header, payload, signature, ...extra] = token.split('.');
  if (!header || !payload || !signature || extra.length > 0) return undefined;
  const expected = Buffer.from(createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url'));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as AccessTokenClaims;
  } catch {
    return undefined;
  }
}

export function newClaims(options: {
  audience: string;
  tenantId: string;
  clientId: string;
  now: Date;
}): AccessTokenClaims {
  const iat = Math.floor(options.now.getTime() / 1000);
  const issuer = `https://sts.windows.net/${options.tenantId}/`;
  return {
    aud: options.audience,
    iss: issuer,
    iat,
    nbf: iat,
    exp: iat + TOKEN_LIFETIME_SECONDS,
    appid: options.clientId,
    appidacr: '1',
    idp: issuer,
    idtyp: 'app',
    oid: options.clientId,
    sub: options.clientId,
    tid: options.tenantId,
    uti: randomUUID().replace(/-/g, ''),
    ver: '1.0',
  };
}
