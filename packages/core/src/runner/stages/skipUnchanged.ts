import type { StateStore } from '../../state/index.js';
import type { RecordWrite } from './RecordWrite.js';

/**
 * Compares each row's hash with the one stored for its destination key: equal rows need no
 * write. Marks the rest that were written before, so the destination may update directly.
 */
export async function skipUnchanged(
  writes: RecordWrite[],
  state: Pick<StateStore, 'getHashes'>,
  taskKey: string,
): Promise<{ changed: RecordWrite[]; unchanged: RecordWrite[] }> {
  const stored = await state.getHashes(
    taskKey,
    writes.map((write) => write.key),
  );
  const changed: RecordWrite[] = [];
  const unchanged: RecordWrite[] = [];
  for (const write of writes) {
    const previous = stored.get(write.key);
    write.knownToExist = previous !== undefined;
    (previous === write.hash ? unchanged : changed).push(write);
  }
  return { changed, unchanged };
}
