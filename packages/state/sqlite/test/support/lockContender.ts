import { once } from 'node:events';
import { hostname } from 'node:os';
import { SqliteStateStore } from '../../src/index.js';

/**
 * One process of the cross-process lock test: opens the store, says "ready", reads a start time
 * (epoch ms) on stdin, spins until then, and asks for locks `lock-0` .. `lock-<count - 1>` as
 * fast as it can. Prints one JSON array: null where it got the lock, else the holder's id.
 */
const [path, ownerId, count] = process.argv.slice(2);
if (path === undefined || ownerId === undefined || count === undefined) {
  throw new Error('usage: lockContender <database path> <owner id> <lock count>');
}

const store = await SqliteStateStore.open(path);
const go = once(process.stdin, 'data');
process.stdout.write('ready\n');
const startAt = Number(String((await go)[0]));
process.stdin.destroy();
// Spinning, not sleeping: every process starts within a millisecond of the others.
while (Date.now() < startAt);

const seen: (string | null)[] = [];
for (let i = 0; i < Number(count); i += 1) {
  const result = await store.acquireLock(`lock-${i}`, { id: ownerId, host: hostname(), pid: process.pid }, 60_000);
  seen.push(result.acquired ? null : result.holder.id);
}
await store.close();
process.stdout.write(`${JSON.stringify(seen)}\n`);
