import { spawn } from 'node:child_process';
import type { ChildProcesses } from '../process/ChildProcesses.js';
import { p2cBuiltArguments } from '../process/nodeCommand.js';
import { PeakRssSampler } from './PeakRssSampler.js';

export interface P2cRun {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  /** The last few kilobytes of stderr. */
  stderrTail: string;
  wallMs: number;
  pid: number;
  /** Bytes; null where /proc is not available. */
  peakRssBytes: number | null;
}

export interface RunP2cOptions {
  children: ChildProcesses;
  cwd: string;
  env?: Record<string, string>;
  timeoutMs: number;
}

/**
 * Runs `p2c <args>` as `node` itself (no pnpm or shell wrapper, so the pid sampled for memory
 * is the one doing the work), measuring its wall time and peak RSS. Killed after `timeoutMs`.
 */
export async function runP2c(args: readonly string[], options: RunP2cOptions): Promise<P2cRun> {
  const started = performance.now();
  const child = options.children.track(
    spawn(process.execPath, p2cBuiltArguments(args), {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  // Sampled from here on: the first samples only see Node starting.
  const sampler = new PeakRssSampler(child.pid ?? -1);
  sampler.start();
  let stdout = '';
  let stderrTail = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderrTail = (stderrTail + text).slice(-8000)));
  // An object, not a `let`: the timer's callback sets it, which the checks below cannot see.
  const deadline = { passed: false };
  const timer = setTimeout(() => {
    deadline.passed = true;
    void options.children.stop(child);
  }, options.timeoutMs);
  let exitCode: number | null;
  let signal: string | null;
  try {
    [exitCode, signal] = await new Promise<[number | null, string | null]>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, sig) => resolve([code, sig]));
    });
  } catch (error) {
    await sampler.stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const wallMs = performance.now() - started;
  const peakRssBytes = await sampler.stop();
  if (deadline.passed)
    throw new Error(
      `p2c ${args.join(' ')} did not finish within ${Math.round(options.timeoutMs / 1000)} s\n${stderrTail.trim()}`,
    );
  const { pid } = child;
  // Without a pid the process never started, and 'error' has already rejected above.
  if (pid === undefined) throw new Error(`p2c ${args.join(' ')} exited without ever having a pid`);
  return { exitCode, signal, stdout, stderrTail, wallMs, pid, peakRssBytes };
}
