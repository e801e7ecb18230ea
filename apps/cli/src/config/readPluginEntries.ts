import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '@p2c/core';
import { parseDocument, type Document } from 'yaml';
import { configIsAFolder, MAX_ALIAS_COUNT } from './loadConfig.js';
import { z } from 'zod';
import { FIRST_PARTY_PLUGINS } from '../plugins/firstPartyPlugins.js';
import { pluginEntrySchema, toPluginEntry, type PluginEntry } from '../plugins/PluginEntry.js';
import { issuePath } from './describeIssue.js';

export interface PluginList {
  entries: PluginEntry[];
  /** Where paths and project-installed packages are looked up from: the config file's folder. */
  baseDir: string;
  /**
   * Every text under `connections:` that could name an environment variable (`clientSecretEnv:
   * P2C_SALES_CLIENT_SECRET`, or a plugin connector's own field): what the connections' secrets
   * may be read from, known before any plugin code runs so its errors can be redacted.
   */
  secretVariables: string[];
}

/** loadConfig says what is wrong (an alias bomb, say). */
function toJsOrUndefined(document: Document): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return undefined;
  }
}

// Environment variable names as people write them (upper case): a lower-case setting such as
// `kind: files` is not taken for one, so its namesake variable is never masked everywhere.
const VARIABLE_NAME = /^[A-Z_][A-Z0-9_]*$/;

function variablesNamed(connections: unknown): string[] {
  if (typeof connections === 'string') return VARIABLE_NAME.test(connections) ? [connections] : [];
  if (typeof connections !== 'object' || connections === null) return [];
  return Object.values(connections).flatMap(variablesNamed);
}

/**
 * The plugins a config file names, read before the rest of it (whose templates they provide):
 * its `plugins:` list, or the first-party set when it has none. Without a config file, the
 * first-party set, looked up from `cwd`. The rest of the file is checked by `loadConfig`.
 */
export function readPluginEntries(file: string, cwd: string): PluginList {
  const path = resolve(cwd, file);
  const shown = file;
  const firstParty = (baseDir: string, secretVariables: string[] = []): PluginList => ({
    entries: FIRST_PARTY_PLUGINS.map((name, index) => toPluginEntry(name, `p2c's own template plugins, #${index + 1}`)),
    baseDir,
    secretVariables,
  });
  if (!existsSync(path)) return firstParty(cwd);
  if (statSync(path).isDirectory()) throw configIsAFolder(shown);
  const document = parseDocument(readFileSync(path, 'utf8'));
  // A file that is not YAML, or not a mapping, is reported by loadConfig with the full context.
  const contents: unknown = document.errors.length > 0 ? undefined : toJsOrUndefined(document);
  const fields = typeof contents === 'object' && contents !== null ? (contents as Record<string, unknown>) : {};
  const plugins = fields['plugins'];
  const secretVariables = variablesNamed(fields['connections']);
  if (plugins === undefined || plugins === null) return firstParty(dirname(path), secretVariables);
  const parsed = z.array(pluginEntrySchema).safeParse(plugins);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (!issue) throw new Error(`${shown}: plugins were refused without an issue saying why`);
    throw new ConfigError(`${shown}: ${issuePath(['plugins', ...issue.path])}: ${issue.message}`, {
      code: 'CONFIG_INVALID',
    });
  }
  return {
    entries: parsed.data.map((entry, index) => toPluginEntry(entry, `plugins[${index}] in ${shown}`)),
    baseDir: dirname(path),
    secretVariables,
  };
}
