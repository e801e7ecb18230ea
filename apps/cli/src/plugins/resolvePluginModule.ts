import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A path, not a package name: `./x`, `../x`, `/x`, `C:\x`. */
export function isPath(specifier: string): boolean {
  return specifier.startsWith('.') || isAbsolute(specifier);
}

/**
 * The module URL a plugin entry names. A path is taken relative to the config file's folder (a
 * folder holding a package.json is a package). A package name is looked up in `node_modules`
 * from the config file's folder upwards — the project the user installed it into; null when
 * it is not there (the caller then imports it by name, from p2c's own dependencies).
 */
export function resolvePluginModule(specifier: string, baseDir: string): string | null {
  if (isPath(specifier)) {
    const path = resolve(baseDir, specifier);
    if (!existsSync(path)) throw new Error(`nothing at ${path}`);
    return pathToFileURL(statSync(path).isDirectory() ? packageEntry(path) : path).href;
  }
  for (let dir = resolve(baseDir); ; dir = dirname(dir)) {
    const packageDir = join(dir, 'node_modules', specifier);
    if (existsSync(join(packageDir, 'package.json'))) return pathToFileURL(packageEntry(packageDir)).href;
    if (dirname(dir) === dir) return null;
  }
}

/** The file a package's `import` resolves to: its `exports` for '.', else `main`, else index.js. */
function packageEntry(packageDir: string): string {
  const manifestPath = join(packageDir, 'package.json');
  if (!existsSync(manifestPath)) return join(packageDir, 'index.js');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports?: unknown; main?: unknown };
  const root =
    typeof manifest.exports === 'object' && manifest.exports !== null && '.' in manifest.exports
      ? (manifest.exports as Record<string, unknown>)['.']
      : manifest.exports;
  const target = exportTarget(root) ?? (typeof manifest.main === 'string' ? manifest.main : 'index.js');
  return join(packageDir, target);
}

/** Node's condition matching for an import, without custom conditions: `import`, `node`, `default`. */
function exportTarget(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = exportTarget(item);
      if (found) return found;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [condition, target] of Object.entries(value)) {
    if (condition === 'import' || condition === 'node' || condition === 'default') {
      const found = exportTarget(target);
      if (found) return found;
    }
  }
  return null;
}
