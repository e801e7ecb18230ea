import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RunRecord, RunSummary } from '@p2c/core';
import type { EmulatorServer } from '@p2c/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { captureEnvironment } from './support/captureEnvironment.js';
import { EMULATOR_SECRETS, emulatorProject } from './support/emulatorProject.js';

/**
 * A careless or hostile environment, through the CLI (in this process) against the emulator
 * served over HTTPS: credentials written into a URL, causes of a failed sign-in, a connection
 * renamed after a sync, and a killed run that is not yet reaped.
 */
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const PASSWORD = 'Pa55-w0rd-Zq81xK';
// By absolute URL, so a child need not resolve `tsx` from where it runs.
const tsx = pathToFileURL(createRequire(join(repoRoot, 'package.json')).resolve('tsx')).href;

let dir: string;
let server: EmulatorServer | undefined;
let configFile: string;

async function setUp(accounts: { name: string; accountnumber: string; address1_country: string }[]) {
  server = await emulatorProject(dir, {
    sales: { accounts },
    finops: { legalEntities: ['usmf'], customerGroups: ['10'] },
  });
  configFile = join(dir, 'p2c.config.yaml');
  return server;
}

function editConfig(edit: (text: string) => string): void {
  writeFileSync(configFile, edit(readFileSync(configFile, 'utf8')));
}

/** Replaces the `url:` of one connection (the first is sales, the second finops). */
function setConnectionUrl(connection: 'sales' | 'finops', url: string): void {
  editConfig((text) => {
    const start = text.indexOf(`  ${connection}:`);
    const line = text.indexOf('    url: ', start);
    const end = text.indexOf('\n', line);
    return `${text.slice(0, line)}    url: ${url}${text.slice(end)}`;
  });
}

async function p2c(args: string[]) {
  const capture = captureEnvironment({ cwd: dir, env: EMULATOR_SECRETS });
  const code = await runCli(args, capture.environment);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

const statePath = () => join(dir, '.p2c', 'state.db');

/** better-sqlite3 as the state store has it, to look into (or age) the state file the way a user could. */
type Database = {
  prepare(sql: string): { all(...args: unknown[]): unknown[]; run(...args: unknown[]): unknown };
  close(): void;
};
const openDatabase = createRequire(join(repoRoot, 'packages/state/sqlite/package.json'))('better-sqlite3') as new (
  path: string,
) => Database;

function stateFileText(): string {
  return existsSync(statePath()) ? readFileSync(statePath()).toString('latin1') : '';
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-hostile-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const ACCOUNT = { name: 'Contoso Ltd', accountnumber: 'ACC-09001-CONTSO', address1_country: 'United States' };

describe('credentials in a URL', () => {
  it('refuses user info in a connection url at load: exit 3 naming the field, the password nowhere', async () => {
    const { url } = await setUp([ACCOUNT]);
    setConnectionUrl('sales', url.replace('https://', `https://p2c-user:${PASSWORD}@`));
    for (const args of [
      ['run', 'accounts'],
      ['run', 'accounts', '--json'],
      ['run', 'accounts', '--dry-run'],
    ]) {
      const result = await p2c(args);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(
        'connections.sales.url: must not hold a user name or password (user:password@): write https://127.0.0.1:',
      );
      expect(`${result.stdout}${result.stderr}`).not.toContain(PASSWORD);
      expect(`${result.stdout}${result.stderr}`).not.toContain('p2c-user');
    }
    // Nothing ran: no request reached the services and the state holds no password.
    expect(server!.emulator.requestCounts().sales.total).toBe(0);
    expect(stateFileText()).not.toContain(PASSWORD);
  });

  it('refuses user info in the authority host too', async () => {
    const { url } = await setUp([ACCOUNT]);
    editConfig((text) =>
      text.replace(`authorityHost: ${url}`, `authorityHost: ${url.replace('//', `//me:${PASSWORD}@`)}`),
    );
    const result = await p2c(['run', 'accounts']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('connections.sales.authorityHost: must not hold a user name or password');
    expect(result.stderr).not.toContain(PASSWORD);
  });

  it('refuses a path in a connection url, which would be read as a refused change-tracking token', async () => {
    const { url } = await setUp([ACCOUNT]);
    setConnectionUrl('finops', `${url}/api`);
    const result = await p2c(['run', 'accounts']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      `p2c: p2c.config.yaml: connections.finops.url: must be the environment's address without a path: write ${url} (p2c adds the service path itself) (connector 'finops' of plugin '@p2c/finops')\n`,
    );
    expect(server!.emulator.requestCounts().finops.total).toBe(0);
  });
});

/** A port on 127.0.0.1 that nothing listens on (taken, then given back). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolveListen) => probe.listen(0, '127.0.0.1', () => resolveListen()));
  const { port } = probe.address() as { port: number };
  await new Promise((resolveClose) => probe.close(resolveClose));
  return port;
}

describe('causes of a failed sign-in', () => {
  async function runStoppedBy(): Promise<{ stderr: string; message: string | null }> {
    const result = await p2c(['run', 'accounts']);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('aka.ms');
    const history = JSON.parse((await p2c(['history', '--json'])).stdout) as RunRecord[];
    return { stderr: result.stderr, message: history[0]?.message ?? null };
  }

  it('names an untrusted certificate, with its host', async () => {
    const { url } = await setUp([ACCOUNT]);
    editConfig((text) => text.replace(/^ {4}ca: .*\n/gm, ''));
    const { stderr, message } = await runStoppedBy();
    const host = new URL(url).host;
    expect(stderr).toContain(`: the certificate of ${host} is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT);`);
    expect(message).toContain(`the certificate of ${host} is not trusted`);
  });

  it('names a refused connection to the authority, with host and port', async () => {
    const { url } = await setUp([ACCOUNT]);
    const port = await closedPort();
    editConfig((text) => text.replaceAll(`authorityHost: ${url}`, `authorityHost: https://127.0.0.1:${port}`));
    const { stderr, message } = await runStoppedBy();
    expect(stderr).toContain(`: connection refused by 127.0.0.1:${port} (endpoints_resolution_error)\n`);
    expect(message).toContain(`connection refused by 127.0.0.1:${port}`);
  });

  it('names a tenant the authority does not know', async () => {
    await setUp([ACCOUNT]);
    const tenant = '11111111-2222-3333-4444-555555555555';
    editConfig((text) => text.replace(/tenantId: .*/g, `tenantId: ${tenant}`));
    const { stderr } = await runStoppedBy();
    expect(stderr).toContain(`in tenant ${tenant}: tenant not found (AADSTS90002: Tenant '${tenant}' not found.)`);
  });
});

describe('a connection url renamed after a sync', () => {
  function storedCheckpoints(): { task_key: string; checkpoint: string }[] {
    const db = new openDatabase(statePath());
    try {
      return db.prepare('SELECT task_key, checkpoint FROM checkpoints').all() as {
        task_key: string;
        checkpoint: string;
      }[];
    } finally {
      db.close();
    }
  }

  function addAccount(n: number): void {
    server!.emulator.sales.accounts.insert({
      name: `Added ${n}`,
      accountnumber: `ACC-0910${n}-ADDEDD`,
      address1_country: 'United States',
    });
  }

  it('keeps reading changes when the same host gets another name, from new and old checkpoints', async () => {
    const { url } = await setUp([ACCOUNT]);
    expect((await p2c(['run', 'accounts'])).code).toBe(0);
    // Stored relative to the service root: no host (nor anything before it) in the state.
    const [stored] = storedCheckpoints();
    const deltaLink = (JSON.parse(stored!.checkpoint) as { deltaLink: string }).deltaLink;
    expect(deltaLink).toMatch(/^accounts\?/);

    // localhost is 127.0.0.1 here: the same emulator under another name.
    const renamed = url.replace('127.0.0.1', 'localhost');
    setConnectionUrl('sales', renamed);
    editConfig((text) => text.replaceAll(`authorityHost: ${url}`, `authorityHost: ${renamed}`));
    addAccount(1);
    const after = await p2c(['run', 'accounts', '--json']);
    expect(after.stderr).not.toContain("not the service's host");
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout) as RunSummary).toMatchObject({
      status: 'Completed',
      counts: { read: 1, created: 1, failed: 0 },
    });

    // A state file written before: the delta link absolute, under the old name.
    const db = new openDatabase(statePath());
    const [current] = storedCheckpoints();
    const relative = (JSON.parse(current!.checkpoint) as { deltaLink: string }).deltaLink;
    db.prepare('UPDATE checkpoints SET checkpoint = ? WHERE task_key = ?').run(
      JSON.stringify({ deltaLink: `${url}/api/data/v9.2/${relative}` }),
      current!.task_key,
    );
    db.close();
    addAccount(2);
    const old = await p2c(['run', 'accounts', '--json']);
    expect(old.code).toBe(0);
    expect(JSON.parse(old.stdout) as RunSummary).toMatchObject({ counts: { read: 1, created: 1 } });
    expect(
      server!.emulator.finops.customers
        .list()
        .map((c) => c.CustomerAccount)
        .sort(),
    ).toEqual(['ACC-09001-CONTSO', 'ACC-09101-ADDEDD', 'ACC-09102-ADDEDD']);
  });
});

/**
 * A run holding the lock whose parent never reaps it: `sh` starts the holder in the background,
 * prints its pid and stops itself (SIGSTOP). Once the holder is SIGKILLed it stays a zombie
 * (state Z in /proc) for as long as its stopped parent lives, which is what a rerun meets right
 * after a `kill -9` of a run under a shell or supervisor that has not waited for it yet. (Node
 * itself reaps its children at once, hence the shell between.) `end()` kills the shell; the
 * zombie is then reaped by init.
 */
function startUnreapedLockHolder(path: string) {
  const holder = ['--conditions=@p2c/source', '--import', tsx, join(here, 'support/lockHolder.ts'), path, 'accounts'];
  const shell: ChildProcess = spawn('sh', ['-c', '"$@" & echo $!; kill -STOP $$', 'sh', process.execPath, ...holder], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  shell.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const locked = new Promise<number>((resolveLocked, reject) => {
    shell.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const [pid, said] = stdout.split('\n');
      if (said === 'locked') resolveLocked(Number(pid));
    });
    shell.on('exit', () => reject(new Error(`the lock holder's shell ended: ${stdout}${stderr}`)));
  });
  return { locked, end: () => shell.kill('SIGKILL') };
}

function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

describe('a killed run that is not yet reaped', () => {
  it('is found dead on this host at once: the rerun takes its lock over and completes', async () => {
    await setUp([ACCOUNT]);
    const holder = startUnreapedLockHolder(statePath());
    try {
      const pid = await holder.locked;
      process.kill(pid, 'SIGKILL');
      // The kill lands asynchronously: wait until the holder is a zombie (it never gets further).
      for (let state = processState(pid); state !== 'Z'; state = processState(pid)) {
        if (state === undefined) throw new Error(`the lock holder ${pid} was reaped before the rerun`);
        await new Promise((resolveWait) => setTimeout(resolveWait, 10));
      }

      const result = await p2c(['run', 'accounts']);
      expect(result.stderr).not.toContain('already going');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Note: The previous run's process (pid ${pid}) is gone; its lock was taken over`);
      expect(result.stdout).toMatch(/Created\s+1\n/);
      // Still a zombie: it was judged by its state, not by being reaped meanwhile.
      expect(processState(pid)).toBe('Z');
    } finally {
      holder.end();
    }
  });
});
