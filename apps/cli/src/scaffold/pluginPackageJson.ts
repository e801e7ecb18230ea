import type { ScaffoldDependencies } from './scaffoldFiles.js';

/** What sets one scaffolded plugin's package.json apart from another's. */
export interface PluginPackage {
  packageName: string;
  description: string;
  /** Packed beside `dist` and the README (a template's emulator seed). */
  extraFiles?: readonly string[];
}

/**
 * The package.json of a scaffolded plugin, template or connector. Core is a peer dependency: a
 * plugin shares the CLI's classes (a ConfigError or RecordError it throws must be core's).
 */
export function pluginPackageJson(plugin: PluginPackage, dependencies: ScaffoldDependencies): string {
  const range = (name: 'core' | 'emulator' | 'testing') =>
    dependencies.kind === 'workspace' ? 'workspace:*' : `^${dependencies.versions[name]}`;
  const manifest = {
    name: plugin.packageName,
    // The copy kept in the monorepo's examples/ is packed by the release check, never published.
    ...(dependencies.kind === 'workspace' ? { private: true } : {}),
    version: '0.1.0',
    description: plugin.description,
    license: 'MIT',
    type: 'module',
    engines: { node: '>=20.19' },
    files: ['dist', ...(plugin.extraFiles ?? []), 'README.md'],
    exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' }, './package.json': './package.json' },
    types: './dist/index.d.ts',
    scripts: {
      build: 'tsup src/index.ts --format esm --dts --clean',
      typecheck: 'tsc -p tsconfig.json',
      test: 'vitest run',
      prepack: 'npm run build',
    },
    peerDependencies: { '@p2c/core': dependencies.kind === 'workspace' ? 'workspace:^' : range('core') },
    dependencies: { zod: '^4.1.0' },
    devDependencies: {
      '@p2c/core': range('core'),
      '@p2c/emulator': range('emulator'),
      '@p2c/testing': range('testing'),
      ...(dependencies.kind === 'workspace' ? { '@p2c/tsconfig': 'workspace:*' } : {}),
      '@types/node': '^20.19.0',
      tsup: '~8.5.0',
      typescript: '~5.9.3',
      vitest: '~4.1.12',
    },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
