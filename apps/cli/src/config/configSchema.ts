import { taskSettingsSchema } from '@p2c/core';
import { pluginEntrySchema } from '../plugins/PluginEntry.js';
import { z } from 'zod';

/**
 * The shape of `p2c.config.yaml`. Every message says what was expected and how to fix it, since
 * the loader shows it to the user as is, prefixed by the field's path.
 */

function httpsUrl(example: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `required: the https URL (e.g. ${example})`
          : `expected an https URL (e.g. ${example})`,
    })
    .refine(isHttpsUrl, { error: `expected an https URL (e.g. ${example})` })
    .transform((url) => url.replace(/\/+$/, ''));
}

function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.search === '' && url.hash === '';
  } catch {
    return false;
  }
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

function connectionSchema(example: string) {
  return z.strictObject(
    {
      url: httpsUrl(example),
      tenantId: requiredText('the Microsoft Entra tenant id (a GUID)'),
      clientId: requiredText('the application (client) id of the app registration'),
      clientSecretEnv: envVarName,
      authorityHost: httpsUrl('https://login.microsoftonline.com').optional(),
      /** A CA certificate (PEM) to trust for this connection only; relative to the config file. */
      ca: requiredText('the path of a PEM file').optional(),
    },
    {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') {
          if (issue.keys.some((key) => /secret/i.test(key) && key !== 'clientSecretEnv')) {
            return 'the client secret must not be in the config file: remove it, set clientSecretEnv to the name of an environment variable, and export the secret there';
          }
          return `unknown setting ${issue.keys.map((k) => `'${k}'`).join(', ')}; allowed: url, tenantId, clientId, clientSecretEnv, authorityHost, ca`;
        }
        return issue.input === undefined || issue.input === null
          ? `required: the connection (url, tenantId, clientId, clientSecretEnv); run 'p2c init' for a starter config`
          : 'expected a mapping with url, tenantId, clientId, clientSecretEnv';
      },
    },
  );
}

const SETTING_NAMES = Object.keys(taskSettingsSchema.shape).join(', ');

const taskSettings = z.strictObject(taskSettingsSchema.shape, {
  error: (issue) =>
    issue.code === 'unrecognized_keys'
      ? `unknown setting ${issue.keys.map((k) => `'${k}'`).join(', ')}; allowed: ${SETTING_NAMES}`
      : `expected a mapping of task settings (${SETTING_NAMES})`,
});

const templateSettings = z.strictObject(
  {
    tasks: z.record(z.string(), taskSettings, { error: 'expected a mapping of task name -> settings' }).default({}),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown setting ${issue.keys.map((k) => `'${k}'`).join(', ')}; a template only has 'tasks'`
        : 'expected a mapping with tasks',
  },
);

const projectSettings = z.strictObject(
  {
    templates: z
      .array(requiredText("a template id (see 'p2c templates')"), {
        error: (issue) =>
          issue.input === undefined
            ? "required: the project's templates, in order (e.g. [accounts, contacts])"
            : 'expected a list of template ids, in order (e.g. [accounts, contacts])',
      })
      .min(1, { error: 'must list at least one template (e.g. [accounts, contacts])' }),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown setting ${issue.keys.map((k) => `'${k}'`).join(', ')}; a project only has 'templates'`
        : "expected a mapping with templates (e.g. 'templates: [accounts, contacts]')",
  },
);

export const configSchema = z.strictObject(
  {
    state: z.strictObject(
      { sqlite: requiredText('the path of the SQLite state file (e.g. ./.p2c/state.db)') },
      {
        error: (issue) => {
          if (issue.code === 'unrecognized_keys') return "unknown state store; use 'sqlite: ./.p2c/state.db'";
          return issue.input === undefined
            ? "required: the state store, e.g. 'sqlite: ./.p2c/state.db'"
            : "expected a mapping, e.g. 'sqlite: ./.p2c/state.db'";
        },
      },
    ),
    connections: z.strictObject(
      {
        sales: connectionSchema('https://contoso.crm.dynamics.com'),
        finops: connectionSchema('https://contoso.operations.dynamics.com'),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `unknown connection ${issue.keys.map((k) => `'${k}'`).join(', ')}; p2c knows 'sales' and 'finops'`
            : "required: the connections section with 'sales' and 'finops'; run 'p2c init' for a starter config",
      },
    ),
    organizations: z
      .record(z.string(), requiredText('the F&O legal entity (dataAreaId), e.g. usmf'), {
        error: (issue) =>
          issue.input === undefined
            ? "required: the organization map, CDS organization -> F&O legal entity (e.g. 'ORG001: usmf')"
            : "expected a mapping of CDS organization -> F&O legal entity (e.g. 'ORG001: usmf')",
      })
      .refine((map) => Object.keys(map).length > 0, {
        error: "must map at least one CDS organization to an F&O legal entity (e.g. 'ORG001: usmf')",
      }),
    /** The template plugins to load, by package name or path; absent: the ones p2c ships with. */
    plugins: z
      .array(pluginEntrySchema, {
        error: "expected a list of plugin packages or paths (e.g. ['@p2c/template-accounts'])",
      })
      .optional(),
    templates: z
      .record(z.string(), templateSettings, { error: 'expected a mapping of template id -> settings' })
      .default({}),
    /** Named, ordered lists of templates, run together by `p2c run --project NAME`. */
    projects: z
      .record(z.string(), projectSettings, { error: 'expected a mapping of project name -> { templates: [...] }' })
      .default({}),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown section ${issue.keys.map((k) => `'${k}'`).join(', ')}; sections: state, connections, organizations, plugins, templates, projects`
        : 'expected a YAML mapping with the sections state, connections, organizations, plugins, templates, projects',
  },
);

/** The file as written (relative paths not yet resolved). */
export type ConfigFile = z.infer<typeof configSchema>;
export type ConnectionConfig = ConfigFile['connections']['sales'];
export type ConnectionName = keyof ConfigFile['connections'];
