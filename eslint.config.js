import { p2cEslint } from '@p2c/eslint-config';

/**
 * The repository's own files: scripts, tooling presets and examples. Every package under
 * packages/ and apps/ has its own eslint.config.js and lints itself (`pnpm lint`, cached per package).
 */
export default [
  { ignores: ['packages/**', 'apps/**'] },
  ...p2cEslint(import.meta.dirname, { untypedFiles: ['vitest.config.ts', 'tooling/*/index.d.ts'] }),
];
