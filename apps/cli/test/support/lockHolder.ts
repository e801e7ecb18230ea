import { RunLock } from '@p2c/core';
import { SqliteStateStore } from '@p2c/state-sqlite';

/**
 * A run that holds `run:<template>` in the state store at `<path>` and never ends, as a `p2c run`
 * does while it works: it takes the lock as the runner does, prints "locked", and waits to be killed.
 */
const [path, templateId] = process.argv.slice(2);
if (path === undefined || templateId === undefined) throw new Error('usage: lockHolder <state path> <template id>');

const store = await SqliteStateStore.open(path);
await RunLock.acquire(store, templateId, () => {});
process.stdout.write('locked\n');
setInterval(() => {}, 60_000);
