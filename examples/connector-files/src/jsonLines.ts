import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { FatalError } from '@p2c/core';

export type JsonObject = Record<string, unknown>;

/**
 * The objects of a JSON-lines file, one line at a time (memory stays bounded by the page, not
 * the file). A file that does not exist holds nothing; a line that is not a JSON object stops
 * the read, naming the file and the line.
 */
export async function* readJsonLines(path: string): AsyncGenerator<JsonObject> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const opened = await new Promise<boolean>((resolve, reject) => {
    stream.once('readable', () => resolve(true));
    stream.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? resolve(false) : reject(error)));
  });
  if (!opened) return;
  let number = 0;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    number += 1;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new FatalError(path + ':' + String(number) + ': not JSON (' + (error as Error).message + ')', {
        code: 'JSONL_INVALID',
      });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new FatalError(path + ':' + String(number) + ': expected a JSON object on each line', {
        code: 'JSONL_INVALID',
      });
    }
    yield value as JsonObject;
  }
}

/**
 * Replaces the file with these objects, one per line, crash-safe: they go to a temporary file
 * beside it, flushed to disk, then renamed over it, so a reader sees the old file or the new
 * one, never half of one.
 */
export async function writeJsonLines(path: string, rows: Iterable<JsonObject>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = path + '.' + String(process.pid) + '.' + String(Date.now()) + '.tmp';
  const handle = await open(temporary, 'w');
  try {
    for (const row of rows) await handle.write(JSON.stringify(row) + '\n');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, path);
}
