import { defineConfig } from 'vitest/config';

/** Workspace packages resolve to their sources in tests (see @p2c/tsconfig). */
const sourceConditions = ['@p2c/source', 'import', 'module', 'node', 'default'];

const shared = {
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@p2c/source'] } },
};

/**
 * Two projects by suffix: `*.test.ts` are pure units, `*.int.test.ts` go through msw or the
 * emulator. `pnpm test` runs both; `--project unit` or `--project integration` runs one.
 */
export function p2cVitest(root = process.cwd()) {
  return defineConfig({
    ...shared,
    test: {
      root,
      projects: [
        {
          ...shared,
          test: {
            name: 'unit',
            include: ['{packages,packages/*,apps,examples}/*/{src,test}/**/*.test.ts'],
            exclude: ['**/*.int.test.ts', '**/node_modules/**', '**/dist/**'],
            environment: 'node',
          },
        },
        {
          ...shared,
          test: {
            name: 'integration',
            include: ['{packages,packages/*,apps,examples}/*/{src,test}/**/*.int.test.ts'],
            exclude: ['**/node_modules/**', '**/dist/**'],
            environment: 'node',
            testTimeout: 60_000,
            hookTimeout: 60_000,
          },
        },
      ],
    },
  });
}
