import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const main = join(repoRoot, 'apps/cli/src/main.ts');
// By absolute URL: the child runs in a temp folder, where `tsx` would not resolve.
const tsx = pathToFileURL(createRequire(join(repoRoot, 'package.json')).resolve('tsx')).href;

/** The same command line as `pnpm p2c`, runnable from any folder. */
export function p2cCommand(args: readonly string[]): [string, string[]] {
  return [process.execPath, ['--conditions=@p2c/source', '--import', tsx, main, ...args]];
}

export interface P2cResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `p2c` in a child process to its end. */
export function runP2c(args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<P2cResult> {
  const [command, argv] = p2cCommand(args);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** Starts `p2c emulator` and resolves with its URL (the first line of its stdout). */
export function startP2cEmulator(args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  const [command, argv] = p2cCommand(['emulator', ...args]);
  const child: ChildProcess = spawn(command, argv, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolveExit) =>
    child.on('exit', (code, signal) => resolveExit({ code, signal, stderr })),
  );
  const url = new Promise<string>((resolveUrl, reject) => {
    let stdout = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline !== -1) resolveUrl(stdout.slice(0, newline));
    });
    void exited.then(({ code }) =>
      reject(new Error(`p2c emulator exited (${code}) before printing its URL: ${stderr}`)),
    );
  });
  return {
    url,
    /** What it wrote on stderr so far. */
    stderr: () => stderr,
    /** Asks it to stop as Ctrl-C would, and waits for it to exit. */
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      return exited;
    },
  };
}
