import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError } from '@p2c/core';
import type { EmulatorLimits, EmulatorSeed, FaultOptions } from '@p2c/emulator';
import { Command } from 'commander';
import type { CommandContext, CommonOptions } from '../cli/CommandContext.js';
import { withCommonOptions } from '../cli/commonOptions.js';
import { positiveIntegerOrZero } from '../cli/numberArguments.js';

interface EmulatorOptions extends CommonOptions {
  port: number;
  host: string;
  seed?: string;
  limits?: string;
  faults?: string;
}

/**
 * The standalone emulator: Dataverse, F&O and Entra ID's token endpoint on one HTTPS origin.
 * The URL is the first line on stdout, so a script can read it; hints go to stderr.
 */
export function emulatorCommand(context: CommandContext): Command {
  return withCommonOptions(new Command('emulator'))
    .description('start the HTTPS emulator of Sales, F&O and Entra ID (for trying p2c and for tests)')
    .option('--port <n>', 'the port to listen on (0: any free port)', positiveIntegerOrZero, 0)
    .option('--host <host>', 'the address to listen on', '127.0.0.1')
    .option('--seed <file>', 'a seed file (JSON) with the data to start with')
    .option('--limits <file>', 'service protection limits (JSON), e.g. {"sales":{"maxRequests":6000},"finops":{}}')
    .option('--faults <file>', 'fault injection (JSON): {"seed":1,"rates":{...}} and/or {"script":[...]}')
    .action(async (options: EmulatorOptions) => {
      // Loaded here, not at start-up: the emulator (msw, certificates) weighs on every other command.
      const { DEFAULT_CREDENTIALS, parseEmulatorLimits, parseFaultOptions, startEmulatorServer } =
        await import('@p2c/emulator');
      const cwd = context.environment.cwd;
      const seed = options.seed === undefined ? undefined : await readSeed(resolve(cwd, options.seed), options.seed);
      const limits =
        options.limits === undefined
          ? undefined
          : await readJsonOption<EmulatorLimits>(
              '--limits',
              resolve(cwd, options.limits),
              options.limits,
              parseEmulatorLimits,
            );
      const faults =
        options.faults === undefined
          ? undefined
          : await readJsonOption<FaultOptions>(
              '--faults',
              resolve(cwd, options.faults),
              options.faults,
              parseFaultOptions,
            );
      const server = await startEmulatorServer({
        port: options.port,
        host: options.host,
        ...(seed === undefined ? {} : { seed }),
        ...(limits === undefined ? {} : { limits }),
        ...(faults === undefined ? {} : { faults }),
      });
      context.terminal.out(`${server.url}\n`);
      context.terminal.err(
        [
          ...exposureWarning(server),
          `Emulator listening on ${server.listening}, reached from here at ${server.url} (Sales: /api/data/v9.2, F&O: /data, tokens: /{tenant}/oauth2/v2.0/token)`,
          `Its CA certificate: ${server.url}/_emulator/ca.pem`,
          `Point a config at it: p2c init --emulator ${server.url}`,
          `Credentials: tenant ${DEFAULT_CREDENTIALS.tenantId}, client ${DEFAULT_CREDENTIALS.clientId} (secret: see 'p2c init --emulator')`,
          'Stop it with Ctrl-C.',
          '',
        ].join('\n'),
      );
      const signal = await context.environment.stopSignal();
      context.terminal.err(`${signal}: stopping the emulator\n`);
      await server.close();
    });
}

/**
 * Off loopback anyone who reaches the port can read the test data and take a token with the
 * well-known test secret: say so first, and give the admin API's token.
 */
function exposureWarning(server: { loopback: boolean; listening: string; adminToken: string | undefined }): string[] {
  if (server.loopback) return [];
  return [
    `WARNING: the emulator listens on ${server.listening}, not on loopback: other machines can reach it, and its test credentials are public.`,
    // Its own line, not after "Bearer": the redactor hides what follows that word.
    'WARNING: its admin API (/_emulator: reset, seed, PATCH, DELETE) needs the admin token in an Authorization header (the Bearer scheme):',
    `Admin token: ${server.adminToken ?? ''}`,
  ];
}

/** A seed file that is missing or wrong is a usage error (exit 3), like a wrong config. */
async function readSeed(path: string, shown: string): Promise<EmulatorSeed> {
  if (!existsSync(path)) throw new ConfigError(`--seed: no file at ${shown}`, { code: 'SEED_MISSING' });
  const { EmulatorSeedError, loadSeedFile } = await import('@p2c/emulator');
  try {
    return await loadSeedFile(path);
  } catch (error) {
    if (error instanceof EmulatorSeedError) throw new ConfigError(error.message, { code: 'SEED_INVALID' });
    throw error;
  }
}

/** A JSON option file, validated by the emulator's schema; any problem is a usage error naming the field. */
async function readJsonOption<T>(
  flag: string,
  path: string,
  shown: string,
  parse: (value: unknown, source: string) => T,
): Promise<T> {
  if (!existsSync(path)) throw new ConfigError(`${flag}: no file at ${shown}`, { code: 'EMULATOR_OPTION_MISSING' });
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `${flag}: ${shown} is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      {
        code: 'EMULATOR_OPTION_INVALID',
      },
    );
  }
  const { EmulatorConfigError } = await import('@p2c/emulator');
  try {
    return parse(value, `${flag} file ${shown}`);
  } catch (error) {
    if (error instanceof EmulatorConfigError) throw new ConfigError(error.message, { code: 'EMULATOR_OPTION_INVALID' });
    throw error;
  }
}
