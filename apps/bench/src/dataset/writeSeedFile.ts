import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { BenchAccount } from './BenchAccount.js';
import { BENCH_REFERENCE_SEED } from './benchReferenceSeed.js';

/** Flush to the file in pieces of about this many characters. */
const FLUSH_AT = 1 << 20;

/**
 * Writes an emulator seed file (`p2c emulator --seed`) streaming the accounts: never more than
 * a megabyte of it in memory. The layout is valid JSON and also line-oriented, so
 * `readSeedFileChunks` can read it back in chunks without a streaming JSON parser:
 *
 * ```
 * {"finops":{…},"sales":{"accounts":[
 * {"accountid":…},
 * …
 * {"accountid":…}
 * ]}}
 * ```
 */
export async function writeSeedFile(
  path: string,
  accounts: Iterable<BenchAccount>,
): Promise<{ accounts: number; bytes: number }> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  let buffer = `${JSON.stringify(BENCH_REFERENCE_SEED).slice(0, -1)},"sales":{"accounts":[\n`;
  let count = 0;
  const flush = async () => {
    if (!out.write(buffer)) await Promise.race([once(out, 'drain'), failed]);
    buffer = '';
  };
  for (const account of accounts) {
    buffer += `${count === 0 ? '' : ',\n'}${JSON.stringify(account)}`;
    count += 1;
    if (buffer.length >= FLUSH_AT) await flush();
  }
  buffer += '\n]}}\n';
  await flush();
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  return { accounts: count, bytes: out.bytesWritten };
}
