import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { EmulatorSeed } from '@p2c/emulator';

export interface SeedFileChunks {
  /** The seed without its accounts (F&O, currencies): what an emulator starts with. */
  reference: EmulatorSeed;
  /** The accounts, `chunkSize` rows at a time, as the JSON text of a `{ sales: { accounts } }` seed. */
  chunks: AsyncIterable<{ body: string; rows: number }>;
}

/**
 * Reads back a file `writeSeedFile` wrote, streaming: its first line is the reference data,
 * then one account per line. The accounts are never parsed here, only cut into request bodies.
 */
export async function readSeedFileChunks(path: string, chunkSize: number): Promise<SeedFileChunks> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })[
    Symbol.asyncIterator
  ]();
  const first = await lines.next();
  if (first.done || !first.value.endsWith('"accounts":['))
    throw new Error(`${path} is not a seed file written by the bench`);
  const reference = JSON.parse(`${first.value}]}}`) as EmulatorSeed;
  async function* chunks(): AsyncIterable<{ body: string; rows: number }> {
    let rows: string[] = [];
    for (let line = await lines.next(); !line.done; line = await lines.next()) {
      const text = line.value.endsWith(',') ? line.value.slice(0, -1) : line.value;
      if (!text.startsWith('{')) continue; // the closing `]}}`
      rows.push(text);
      if (rows.length === chunkSize) {
        yield { body: `{"sales":{"accounts":[${rows.join(',')}]}}`, rows: rows.length };
        rows = [];
      }
    }
    if (rows.length > 0) yield { body: `{"sales":{"accounts":[${rows.join(',')}]}}`, rows: rows.length };
  }
  return { reference, chunks: chunks() };
}
