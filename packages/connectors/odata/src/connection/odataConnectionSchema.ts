import { z } from 'zod';

/**
 * The connection settings every OData system shares (Dataverse, F&O): where it is and how to get
 * an Entra ID token for it. Every message says what was expected and how to fix it, since the
 * host shows it as is, prefixed by the field's path.
 */

/**
 * An https URL, with no path after the host or a path allowed. User info
 * (`user:password@`) is refused without repeating it: a password there would reach every log
 * line and error that names the URL.
 */
function httpsUrl(example: string, path: 'no path' | 'path allowed') {
  const expected = `expected an https URL (e.g. ${example})`;
  return z
    .string({ error: (issue) => (issue.input === undefined ? `required: the https URL (e.g. ${example})` : expected) })
    .superRefine((text, context) => {
      const problem = urlProblem(text, path);
      if (problem !== undefined)
        context.addIssue({ code: 'custom', message: problem === 'not https' ? expected : problem });
    })
    .transform((url) => url.replace(/\/+$/, ''));
}

function urlProblem(text: string, path: 'no path' | 'path allowed'): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not https';
  }
  if (url.protocol !== 'https:' || url.search !== '' || url.hash !== '') return 'not https';
  if (url.username !== '' || url.password !== '') {
    return `must not hold a user name or password (user:password@): write ${url.origin}${url.pathname.replace(/\/+$/, '')}, and keep the client secret in the variable clientSecretEnv names`;
  }
  if (path === 'no path' && url.pathname !== '/') {
    return `must be the environment's address without a path: write ${url.origin} (p2c adds the service path itself)`;
  }
  return undefined;
}

function requiredText(what: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `required: ${what}` : `expected text: ${what}`) })
    .trim()
    .min(1, { error: `must not be empty: ${what}` });
}

const envVarName = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? 'required: the NAME of the environment variable that holds the client secret (e.g. P2C_SALES_CLIENT_SECRET)'
        : 'expected the name of an environment variable (e.g. P2C_SALES_CLIENT_SECRET)',
  })
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
    error:
      'expected the NAME of an environment variable (letters, digits, _), e.g. P2C_SALES_CLIENT_SECRET; the secret itself never goes in this file',
  });

const positiveInteger = z.int({ error: 'expected a whole number' }).positive({ error: 'must be at least 1' });

const SETTINGS = 'url, tenantId, clientId, clientSecretEnv, authorityHost, ca, retry';

/** The settings of one OData connection; `exampleUrl` is what the messages suggest. */
export function odataConnectionSchema(exampleUrl: string) {
  return z.strictObject(
    {
      url: httpsUrl(exampleUrl, 'no path'),
      tenantId: requiredText('the Microsoft Entra tenant id (a GUID)'),
      clientId: requiredText('the application (client) id of the app registration'),
      clientSecretEnv: envVarName,
      authorityHost: httpsUrl('https://login.microsoftonline.com', 'path allowed').optional(),
      /** A CA certificate to trust for this connection only: a PEM file (relative to the config) or the PEM. */
      ca: requiredText('the path of a PEM file').optional(),
      /** How often a request is tried before it fails (default 5 attempts, from 500 ms to 30 s apart). */
      retry: z
        .strictObject({
          maxAttempts: positiveInteger.optional(),
          baseDelayMs: positiveInteger.optional(),
          maxDelayMs: positiveInteger.optional(),
        })
        .optional(),
    },
    {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') {
          if (issue.keys.some((key) => /secret/i.test(key) && key !== 'clientSecretEnv')) {
            return 'the client secret must not be in the config file: remove it, set clientSecretEnv to the name of an environment variable, and export the secret there';
          }
          return `unknown setting ${issue.keys.map((k) => `'${k}'`).join(', ')}; allowed: kind, ${SETTINGS}`;
        }
        return issue.input === undefined || issue.input === null
          ? `required: the connection (url, tenantId, clientId, clientSecretEnv); run 'p2c init' for a starter config`
          : 'expected a mapping with url, tenantId, clientId, clientSecretEnv';
      },
    },
  );
}

export type ODataConnectionSettings = z.output<ReturnType<typeof odataConnectionSchema>>;
