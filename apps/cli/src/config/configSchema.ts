import { taskSettingsSchema, type ConnectorDescriptorRegistry } from '@p2c/core';
import { describeIssue } from './describeIssue.js';
import type { ConfiguredConnection } from './P2cConfig.js';
import { pluginEntrySchema } from '../plugins/PluginEntry.js';
import { z } from 'zod';

/**
 * The shape of `p2c.config.yaml`. Every message says what was expected and how to fix it, since
 * the loader shows it to the user as is, prefixed by the field's path.
 */

function requiredText(what: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `required: ${what}` : `expected text: ${what}`) })
    .trim()
    .min(1, { error: `must not be empty: ${what}` });
}

/** The kind of the connections whose name says it, so configs written before kinds keep working. */
export const DEFAULT_CONNECTION_KINDS: Readonly<Record<string, string>> = { sales: 'dataverse', finops: 'finops' };

/**
 * One connection: its `kind` (the connector that reaches it) and that connector's settings,
 * which its own schema checks once the plugins are loaded (`loadConfig`).
 */
const connection = z.looseObject(
  {
    kind: requiredText('the kind of connector (e.g. dataverse, finops)').optional(),
  },
  {
    error: (issue) =>
      issue.input === undefined || issue.input === null
        ? `required: the connection (its kind and settings); run 'p2c init' for a starter config`
        : 'expected a mapping with the kind of connector and its settings',
  },
);

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

/**
 * The connections, each checked against the schema of the connector its kind names (from the
 * registry: p2c's own and the plugins'). One kind has one connection, as templates name kinds.
 */
function connectionsSchema(connectors: ConnectorDescriptorRegistry) {
  return z
    .record(z.string(), connection, {
      error: "required: the connections section with 'sales' and 'finops'; run 'p2c init' for a starter config",
    })
    .transform((entries, ctx) => {
      const known = connectors.kinds().join(', ');
      const result: Record<string, ConfiguredConnection> = {};
      const nameOfKind = new Map<string, string>();
      for (const [name, { kind: given, ...settings }] of Object.entries(entries)) {
        const kind = given ?? DEFAULT_CONNECTION_KINDS[name];
        if (kind === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [name, 'kind'],
            message: `required: the kind of connector that reaches it; known kinds: ${known}`,
          });
          continue;
        }
        if (!connectors.has(kind)) {
          ctx.addIssue({
            code: 'custom',
            path: [name, 'kind'],
            message: `no connector of kind '${kind}' is registered; known kinds: ${known}. Add the plugin that provides it to plugins:`,
          });
          continue;
        }
        const taken = nameOfKind.get(kind);
        if (taken !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [name, 'kind'],
            message: `connection '${taken}' is of kind '${kind}' already; templates reach a system by kind, so keep one connection per kind`,
          });
          continue;
        }
        nameOfKind.set(kind, name);
        const parsed = connectors.get(kind).connectionSchema.safeParse(settings, { error: describeIssue });
        if (!parsed.success) {
          // A plugin's connector is named, so the user knows whose settings these are.
          const plugin = connectors.pluginOf(kind);
          const whose = given === undefined ? '' : ` (connector '${kind}' of plugin '${plugin ?? '?'}')`;
          for (const issue of parsed.error.issues) {
            ctx.addIssue({ code: 'custom', path: [name, ...issue.path], message: `${issue.message}${whose}` });
          }
          continue;
        }
        result[name] = { kind, settings: parsed.data };
      }
      return result;
    });
}

/** The shape of `p2c.config.yaml`, with the connections checked by the registered connectors. */
export function configSchema(connectors: ConnectorDescriptorRegistry) {
  return z.strictObject(
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
      /** Connections by name; `sales` and `finops` are of kinds `dataverse` and `finops` unless they say. */
      connections: connectionsSchema(connectors),
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
      /** The plugins (templates, connectors) to load, by package name or path; absent: the templates p2c ships with. */
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
}

/** The file as written (relative paths not yet resolved). */
export type ConfigFile = z.output<ReturnType<typeof configSchema>>;
