import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import { get } from 'node:https';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { HttpsClient } from '../http/HttpsClient.js';
import type { ChildProcesses } from '../process/ChildProcesses.js';
import { p2cNodeArguments } from '../process/nodeCommand.js';

export interface EmulatorProcessOptions {
  children: ChildProcesses;
  /** `p2c emulator --seed FILE`. */
  seedFile?: string;
  /** The emulator holds every row in memory: 1M accounts and customers need more than Node's default heap. */
  maxOldSpaceMb: number;
  /** How long `p2c emulator` may take to print its URL (it loads and validates the seed first). */
  startTimeoutMs: number;
}

/** A standalone emulator in its own process (`p2c emulator --port 0`), on 127.0.0.1. */
export class EmulatorProcess {
  private constructor(
    readonly url: string,
    readonly pid: number,
    readonly caPem: string,
    readonly client: HttpsClient,
    private readonly child: ChildProcess,
    private readonly children: ChildProcesses,
    private readonly stderr: () => string,
  ) {}

  /** Whether it has exited, and the end of what it wrote on stderr: for error messages. */
  describe(): string {
    const state =
      this.child.exitCode !== null || this.child.signalCode !== null
        ? `exited (${this.child.signalCode ?? this.child.exitCode})`
        : 'running';
    return `emulator pid ${this.pid} ${state}; its stderr ends:\n${this.stderr().trim().split('\n').slice(-15).join('\n')}`;
  }

  static async start(options: EmulatorProcessOptions): Promise<EmulatorProcess> {
    const args = [
      'emulator',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      ...(options.seedFile ? ['--seed', options.seedFile] : []),
    ];
    const child = options.children.track(
      spawn(process.execPath, p2cNodeArguments(args, [`--max-old-space-size=${options.maxOldSpaceMb}`]), {
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      stderr = (stderr + text).slice(-4000);
    });
    try {
      const url = await firstLine(child, options.startTimeoutMs, () => stderr);
      if (!/^https:\/\/127\.0\.0\.1:\d+$/.test(url))
        throw new Error(`p2c emulator printed '${url}', not its https://127.0.0.1 URL`);
      // It printed a line, so it was started and has a pid.
      const { pid } = child;
      if (pid === undefined) throw new Error('p2c emulator printed its URL but has no pid');
      const caPem = await fetchCaPem(url);
      const client = new HttpsClient(url, caPem);
      // A request that verifies the server against the CA just fetched.
      await client.json('GET', '/_emulator/health');
      return new EmulatorProcess(url, pid, caPem, client, child, options.children, () => stderr);
    } catch (error) {
      await options.children.stop(child);
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.client.close();
    await this.children.stop(this.child);
  }
}

function firstLine(
  child: ChildProcessByStdio<null, Readable, Readable>,
  timeoutMs: number,
  stderr: () => string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const fail = (reason: string) => {
      clearTimeout(timer);
      lines.close();
      reject(new Error(`${reason}\n${stderr().trim()}`));
    };
    const timer = setTimeout(() => fail(`p2c emulator printed no URL within ${timeoutMs / 1000} s`), timeoutMs);
    lines.once('line', (line) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(line.trim());
    });
    const onExit = (code: number | null, signal: string | null) =>
      fail(`p2c emulator exited (${signal ?? code}) before printing its URL`);
    child.once('exit', onExit);
  });
}

/**
 * The emulator's self-signed CA, trusted on first use as `p2c init --emulator` does: the one
 * unverified request, to a process the bench just started on the loopback address.
 */
function fetchCaPem(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = get(`${url}/_emulator/ca.pem`, { rejectUnauthorized: false, timeout: 10_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        res.statusCode === 200 && text.includes('BEGIN CERTIFICATE')
          ? resolve(text)
          : reject(new Error(`GET /_emulator/ca.pem answered ${res.statusCode}`)),
      );
    });
    req.on('timeout', () => req.destroy(new Error('GET /_emulator/ca.pem: no answer')));
    req.on('error', reject);
  });
}
