import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { ConfigError } from '@p2c/core';
import { Command } from 'commander';
import type { CommandContext, CommonOptions } from '../cli/CommandContext.js';
import { withCommonOptions } from '../cli/commonOptions.js';
import { SECRET_ENV, starterConfig } from '../config/starterConfig.js';
import { fetchEmulatorCa } from './fetchEmulatorCa.js';

interface InitOptions extends CommonOptions {
  emulator?: string;
  force?: boolean;
}

/** Where `init --emulator` keeps the emulator's CA, relative to the config file. */
const EMULATOR_CA_FILE = './.p2c/emulator-ca.pem';

export function initCommand(context: CommandContext): Command {
  return withCommonOptions(new Command('init'))
    .description('write a commented starter config file')
    .option('--emulator <url>', "point both connections at a running 'p2c emulator' (fetches and pins its CA)")
    .option('--force', 'overwrite an existing config file')
    .action(async (options: InitOptions) => {
      await init(context, options);
    });
}

async function init(context: CommandContext, options: InitOptions): Promise<void> {
  const file = resolve(context.environment.cwd, options.config);
  const shown = relative(context.environment.cwd, file) || file;
  if (existsSync(file) && !options.force) {
    throw new ConfigError(`${shown} already exists; pass --force to overwrite it`, { code: 'CONFIG_EXISTS' });
  }
  if (options.emulator === undefined) {
    write(file, starterConfig());
    context.terminal.out(
      `Wrote ${shown}. Edit its connections, then put each app registration's client secret in the\n` +
        `environment variables it names: ${SECRET_ENV.sales} and ${SECRET_ENV.finops}.\n`,
    );
    return;
  }
  const url = emulatorUrl(options.emulator);
  // Loaded only for --emulator: the emulator package is heavy and the rest of init needs none of it.
  const { DEFAULT_CREDENTIALS } = await import('@p2c/emulator');
  const pem = await fetchEmulatorCa(url);
  write(resolve(dirname(file), EMULATOR_CA_FILE), pem);
  write(
    file,
    starterConfig({
      salesUrl: url,
      finopsUrl: url,
      tenantId: DEFAULT_CREDENTIALS.tenantId,
      clientId: DEFAULT_CREDENTIALS.clientId,
      authorityHost: url,
      ca: EMULATOR_CA_FILE,
    }),
  );
  context.terminal.err(`Wrote ${shown} for the emulator at ${url} (its CA is pinned in ${EMULATOR_CA_FILE}).\n`);
  context.terminal.err(`Set the secrets (the emulator's test secret, not a real one), e.g. eval "$(p2c init ...)":\n`);
  // stdout holds only the export lines, so the output can be eval'd.
  const secret = shellQuote(DEFAULT_CREDENTIALS.clientSecret);
  context.terminal.outPublic(`export ${SECRET_ENV.sales}=${secret}\nexport ${SECRET_ENV.finops}=${secret}\n`);
}

function emulatorUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(
      `--emulator: '${text}' is not a URL; pass the URL 'p2c emulator' printed (e.g. https://127.0.0.1:8443)`,
      { code: 'EMULATOR_URL' },
    );
  }
  if (url.protocol !== 'https:') {
    throw new ConfigError(`--emulator: expected an https URL (the emulator serves HTTPS), got ${text}`, {
      code: 'EMULATOR_URL',
    });
  }
  return url.origin;
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text, 'utf8');
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
