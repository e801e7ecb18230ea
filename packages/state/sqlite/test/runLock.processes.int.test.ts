import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { SqliteStateStore } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const contender = join(here, 'support/lockContender.ts');
// By absolute URL, so the children need not resolve `tsx` from where they run.
const tsx = pathToFileURL(createRequire(join(resolve(here, '../../../..'), 'package.json')).resolve('tsx')).href;

const root = mkdtempSync(join(tmpdir(), 'p2c-state-locks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Contender {
  ownerId: string;
  ready: Promise<void>;
  go(startAt: number): void;
  /** What the process saw per lock: null where it got it, else the holder's id. */
  seen: Promise<(string | null)[]>;
}

function startContender(path: string, count: number): Contender {
  const ownerId = `process-${randomUUID()}`;
  const child = spawn(
    process.execPath,
    ['--conditions=@p2c/source', '--import', tsx, contender, path, ownerId, String(count)],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  let markReady = () => {};
  const ready = new Promise<void>((resolveReady) => (markReady = resolveReady));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (stdout.startsWith('ready\n')) markReady();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const seen = new Promise<(string | null)[]>((resolveSeen, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`The contender exited with ${String(code)}: ${stderr}`));
      else resolveSeen(JSON.parse(stdout.slice('ready\n'.length)) as (string | null)[]);
    });
  });
  // A child that dies before it is ready must not leave the test waiting.
  const readyOrDead = Promise.race([ready, seen.then(() => {})]);
  return { ownerId, ready: readyOrDead, go: (startAt) => child.stdin.end(`${startAt}\n`), seen };
}

it('gives each lock to exactly one of several processes racing for it on one file', async () => {
  const path = join(root, `${randomUUID()}.db`);
  await (await SqliteStateStore.open(path)).close(); // migrated before the race
  const count = 150;
  const contenders = Array.from({ length: 3 }, () => startContender(path, count));
  await Promise.all(contenders.map((c) => c.ready));

  const startAt = Date.now() + 100;
  for (const c of contenders) c.go(startAt);
  const seen = await Promise.all(contenders.map((c) => c.seen));
  expect(seen.map((s) => s.length)).toEqual(contenders.map(() => count));

  for (let lock = 0; lock < count; lock += 1) {
    const winners = contenders.filter((_, i) => seen[i]?.[lock] === null).map((c) => c.ownerId);
    expect(winners, `lock-${lock}`).toHaveLength(1);
    // Every loser was told who won.
    expect(
      seen.map((s) => s[lock] ?? winners[0]),
      `lock-${lock}`,
    ).toEqual(contenders.map(() => winners[0]));
  }
}, 30_000);
