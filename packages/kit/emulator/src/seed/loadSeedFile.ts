import { readFile } from 'node:fs/promises';
import type { EmulatorSeed } from './emulatorSeedSchema.js';
import { EmulatorSeedError, parseEmulatorSeed } from './parseEmulatorSeed.js';

/** Reads a JSON seed file and validates it; errors name the file and each bad field's path. */
export async function loadSeedFile(path: string): Promise<EmulatorSeed> {
  const text = await readFile(path, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EmulatorSeedError(`Seed file ${path} is not valid JSON: ${reason}`, [reason]);
  }
  return parseEmulatorSeed(value, `seed file ${path}`);
}
