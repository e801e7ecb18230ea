import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { ChildProcesses } from '../process/ChildProcesses.js';
import { runP2c } from './runP2c.js';

const ACCOUNTS_TASK = 'Accounts - Account - Customers';

export interface SyncFolder {
  cwd: string;
  configFile: string;
  /** The secrets `p2c init --emulator` printed as `export NAME='value'` lines. */
  env: Record<string, string>;
}

export interface SyncSettings {
  pageSize: number;
  batchSize: number;
}

/**
 * `p2c init --emulator URL` in `cwd` (as a user would: it pins the emulator's CA), then the
 * task's pageSize and batchSize set in the YAML it wrote (comments kept).
 */
export async function prepareSyncFolder(
  cwd: string,
  emulatorUrl: string,
  settings: SyncSettings,
  children: ChildProcesses,
): Promise<SyncFolder> {
  await mkdir(cwd, { recursive: true });
  const init = await runP2c(['init', '--emulator', emulatorUrl], { children, cwd, timeoutMs: 60_000 });
  if (init.exitCode !== 0)
    throw new Error(`p2c init --emulator exited ${init.exitCode ?? init.signal}\n${init.stderrTail.trim()}`);
  const env: Record<string, string> = {};
  for (const match of init.stdout.matchAll(/^export ([A-Z0-9_]+)='((?:[^']|'\\'')*)'$/gm)) {
    const [line, name, quoted] = match;
    if (name === undefined || quoted === undefined)
      throw new Error(`p2c init --emulator printed an export line the bench cannot read: ${line}`);
    env[name] = quoted.replace(/'\\''/g, "'");
  }
  if (Object.keys(env).length === 0) throw new Error('p2c init --emulator printed no export lines for the secrets');

  const configFile = join(cwd, 'p2c.config.yaml');
  const document = parseDocument(await readFile(configFile, 'utf8'));
  const task = ['templates', 'accounts', 'tasks', ACCOUNTS_TASK];
  document.setIn([...task, 'pageSize'], settings.pageSize);
  document.setIn([...task, 'batchSize'], settings.batchSize);
  await writeFile(configFile, document.toString(), 'utf8');
  return { cwd, configFile, env };
}
