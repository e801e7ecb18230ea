import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '@p2c/core';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { FIRST_PARTY_PLUGINS } from '../plugins/firstPartyPlugins.js';
import { pluginEntrySchema, toPluginEntry, type PluginEntry } from '../plugins/PluginEntry.js';
import { issuePath } from './describeIssue.js';

export interface PluginList {
  entries: PluginEntry[];
  /** Where paths and project-installed packages are looked up from: the config file's folder. */
  baseDir: string;
}

/**
 * The plugins a config file names, read before the rest of it (whose templates they provide):
 * its `plugins:` list, or the first-party set when it has none. Without a config file, the
 * first-party set, looked up from `cwd`. The rest of the file is checked by `loadConfig`.
 */
export function readPluginEntries(file: string, cwd: string): PluginList {
  const path = resolve(cwd, file);
  const shown = file;
  const firstParty = (baseDir: string): PluginList => ({
    entries: FIRST_PARTY_PLUGINS.map((name, index) => toPluginEntry(name, `p2c's own template plugins, #${index + 1}`)),
    baseDir,
  });
  if (!existsSync(path)) return firstParty(cwd);
  const document = parseDocument(readFileSync(path, 'utf8'));
  // A file that is not YAML, or not a mapping, is reported by loadConfig with the full context.
  const contents: unknown = document.errors.length > 0 ? undefined : document.toJS();
  const plugins =
    typeof contents === 'object' && contents !== null ? (contents as Record<string, unknown>)['plugins'] : undefined;
  if (plugins === undefined || plugins === null) return firstParty(dirname(path));
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
  };
}
