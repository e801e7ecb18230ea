import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `p2c` CLI's entry in the sources (`apps/cli/src/main.ts`). */
const CLI_MAIN = join(dirname(fileURLToPath(import.meta.resolve('@p2c/cli/package.json'))), 'src', 'main.ts');

/** The built CLI (`apps/cli/dist/main.js`): what users run once p2c is installed. `pnpm bench` builds it first. */
const CLI_BUILT_MAIN = join(dirname(CLI_MAIN), '..', 'dist', 'main.js');

/** tsx's loader by absolute URL: `--import tsx` resolves from the cwd, and children run in temp folders. */
const TSX_LOADER = import.meta.resolve('tsx');

/**
 * `node` arguments that run the p2c CLI from the sources, as `pnpm p2c` does, but with `node`
 * itself as the process (no pnpm or shell wrapper), so its pid is the one doing the work.
 */
export function p2cNodeArguments(args: readonly string[], nodeOptions: readonly string[] = []): string[] {
  return [...nodeOptions, '--conditions=@p2c/source', '--import', TSX_LOADER, CLI_MAIN, ...args];
}

/** `node` arguments that run the built p2c CLI, the form the sync is measured in. */
export function p2cBuiltArguments(args: readonly string[], nodeOptions: readonly string[] = []): string[] {
  return [...nodeOptions, CLI_BUILT_MAIN, ...args];
}
