import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ConfigError } from '@p2c/core';
import { Command, Option } from 'commander';
import type { CommandContext } from '../cli/CommandContext.js';
import { connectorFiles } from '../scaffold/connectorFiles.js';
import { connectorNames } from '../scaffold/ConnectorNames.js';
import { publishedVersions } from './templateCommand.js';

interface NewConnectorOptions {
  dir?: string;
  package?: string;
  workspace?: boolean;
}

/** `p2c connector new <kind>`: a connector plugin package to start from, whose tests pass as written. */
export function connectorCommand(context: CommandContext): Command {
  const create = new Command('new')
    .description(
      'scaffold a connector plugin package: descriptor, connector (JSON-lines files in a folder, to make your own), a template that uses it, README, and tests that pass against the emulator',
    )
    .argument('<kind>', 'the connector kind, lower-case words joined by - (e.g. files)')
    .option('--dir <path>', 'where to write it (default: ./<package name>)')
    .option('--package <name>', 'its npm package name (default: p2c-connector-<kind>)')
    .addOption(new Option('--workspace', 'take p2c from the monorepo (workspace:*), for examples/').hideHelp())
    .action((kind: string, options: NewConnectorOptions) => {
      const names = connectorNames(kind, options.package ? { packageName: options.package } : {});
      const dir = resolve(context.environment.cwd, options.dir ?? names.packageName);
      if (existsSync(dir) && readdirSync(dir).length > 0) {
        throw new ConfigError(`${dir} already exists and is not empty; choose another --dir`, {
          code: 'SCAFFOLD_DIR_TAKEN',
        });
      }
      const files = connectorFiles(
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
          `Created ${names.packageName} in ${shown}: connector '${names.kind}' and template 'customers-to-${names.kind}'.`,
          ...files.map((file) => `  ${file.path}`),
          '',
          'Next:',
          `  cd ${shown} && npm install && npm test     # unit tests, and the template against the emulator`,
          '  npm pack                                  # builds, then packs what npm would publish',
          `  then in your p2c project: npm install <the .tgz>, add '${names.packageName}' to plugins: and a connection with 'kind: ${names.kind}' to p2c.config.yaml`,
          '',
        ].join('\n'),
      );
    });
  return new Command('connector').description('work on connector plugins').addCommand(create);
}
