import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { ConfigError } from '@p2c/core';
import { Command, Option } from 'commander';
import type { CommandContext } from '../cli/CommandContext.js';
import { scaffoldFiles } from '../scaffold/scaffoldFiles.js';
import { scaffoldNames } from '../scaffold/ScaffoldNames.js';

interface NewTemplateOptions {
  dir?: string;
  package?: string;
  salesTable?: string;
  finopsEntity?: string;
  workspace?: boolean;
}

/** `p2c template new <name>`: a template package to start from, whose test passes as written. */
export function templateCommand(context: CommandContext): Command {
  const create = new Command('new')
    .description(
      'scaffold a template plugin package: manifest, options, mappings, README, and an integration test that passes against the emulator',
    )
    .argument('<name>', 'the template id, lower-case words joined by - (e.g. projects)')
    .option('--dir <path>', 'where to write it (default: ./<package name>)')
    .option('--package <name>', 'its npm package name (default: p2c-template-<name>)')
    .option('--sales-table <set>', 'the Dataverse entity set it reads (default: new_<name>)')
    .option('--finops-entity <set>', 'the F&O data entity it writes (default: <Name>)')
    .addOption(new Option('--workspace', 'take p2c from the monorepo (workspace:*), for examples/').hideHelp())
    .action((name: string, options: NewTemplateOptions) => {
      const names = scaffoldNames(name, {
        ...(options.package ? { packageName: options.package } : {}),
        ...(options.salesTable ? { salesSet: options.salesTable } : {}),
        ...(options.finopsEntity ? { finopsSet: options.finopsEntity } : {}),
      });
      const dir = resolve(context.environment.cwd, options.dir ?? names.packageName);
      if (existsSync(dir) && readdirSync(dir).length > 0) {
        throw new ConfigError(`${dir} already exists and is not empty; choose another --dir`, {
          code: 'SCAFFOLD_DIR_TAKEN',
        });
      }
      const files = scaffoldFiles(
        names,
        options.workspace ? { kind: 'workspace' } : { kind: 'published', versions: publishedVersions() },
      );
      for (const file of files) {
        const path = join(dir, file.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.text);
      }
      const shown = relative(context.environment.cwd, dir) || '.';
      context.terminal.out(
        [
          `Created ${names.packageName} in ${shown}: template '${names.id}' (${names.salesSet} -> ${names.finopsSet}).`,
          ...files.map((file) => `  ${file.path}`),
          '',
          'Next:',
          `  cd ${shown} && npm install && npm test     # its integration test runs against the emulator`,
          '  npm pack                                  # builds, then packs what npm would publish',
          `  then in your p2c project: npm install <the .tgz>, and add '${names.packageName}' to plugins: in p2c.config.yaml`,
          '',
        ].join('\n'),
      );
    });
  return new Command('template').description('work on template plugins').addCommand(create);
}

/** The versions of the p2c packages this CLI runs with: the new package asks for them. */
export function publishedVersions(): { core: string; emulator: string; testing: string } {
  const require = createRequire(import.meta.url);
  const versionOf = (name: string, fallback: string): string => {
    try {
      return (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      return fallback;
    }
  };
  const core = versionOf('@p2c/core', '0.2.0');
  return { core, emulator: versionOf('@p2c/emulator', core), testing: versionOf('@p2c/testing', core) };
}
