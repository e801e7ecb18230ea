import { request } from 'node:https';
import { ConfigError } from '@p2c/core';

const LIMIT = 64 * 1024;

/**
 * Gets the emulator's CA certificate from `URL/_emulator/ca.pem`. Trust on first use: this is
 * the one request p2c ever makes without verifying the server, and only because the certificate
 * it fetches is what later requests verify against. A second request then checks that the
 * server's certificate does chain to it.
 */
export async function fetchEmulatorCa(baseUrl: string): Promise<string> {
  const url = `${baseUrl}/_emulator/ca.pem`;
  const pem = await get(url, { rejectUnauthorized: false });
  if (!pem.includes('BEGIN CERTIFICATE')) {
    throw new ConfigError(`${url} did not answer with a PEM certificate; is ${baseUrl} a p2c emulator?`, {
      code: 'EMULATOR_CA_INVALID',
    });
  }
  try {
    await get(url, { ca: pem });
  } catch (error) {
    throw new ConfigError(
      `The emulator's certificate does not chain to the CA it serves (${(error as Error).message})`,
      {
        code: 'EMULATOR_CA_MISMATCH',
      },
    );
  }
  return pem;
}

function get(url: string, tls: { rejectUnauthorized?: boolean; ca?: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', timeout: 10_000, ...tls }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(
          new ConfigError(`GET ${url} answered ${res.statusCode}; is this a p2c emulator?`, {
            code: 'EMULATOR_UNREACHABLE',
          }),
        );
        return;
      }
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        if (body.length > LIMIT) req.destroy(new Error('the answer is too large for a certificate'));
      });
      res.on('end', () => resolve(body));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', (error) =>
      reject(
        error instanceof ConfigError
          ? error
          : new ConfigError(`Cannot reach the emulator at ${url}: ${error.message}`, { code: 'EMULATOR_UNREACHABLE' }),
      ),
    );
    req.end();
  });
}
