import { defineConfig } from 'tsup';

/**
 * The build every p2c package uses: ESM with declarations, from the given entry points.
 * Test files live beside the code but are never entries, so they never reach dist/.
 */
export function p2cTsup(options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    dts: { compilerOptions: { customConditions: [] } },
    sourcemap: true,
    clean: true,
    splitting: false,
    tsconfig: 'tsconfig.build.json',
    ...options,
  });
}
