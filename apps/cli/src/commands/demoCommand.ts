import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { P2C, type StateStore, type TemplateRegistry } from '@p2c/core';
import { Command } from 'commander';
import { CommandContext } from '../cli/CommandContext.js';
import { withCommonOptions } from '../cli/commonOptions.js';
import { EXIT } from '../cli/exitCodes.js';
import { positiveInteger } from '../cli/numberArguments.js';
import { SECRET_ENV } from '../config/starterConfig.js';
import { demoConfig } from '../demo/demoConfig.js';
import { demoSeed } from '../demo/demoSeed.js';
import { DEMO_SEED, generateDemoAccounts, type DemoAccountStats } from '../demo/generateDemoAccounts.js';
import { formatCount } from '../output/formatNumbers.js';
import { renderFailureReasons } from '../output/renderFailureReasons.js';
import { renderSummary } from '../output/renderSummary.js';
import { keyLabelOf, runWithProgress } from './runCommand.js';

interface DemoOptions {
  count: number;
  seed: number;
  keep?: boolean;
  verbose?: boolean;
}

const TEMPLATE = 'accounts';

/**
 * The whole path on one machine: an in-process emulator reached over real HTTPS with Entra ID
 * tokens, seeded with generated accounts; the accounts template run twice, the second time
 * finding nothing to write.
 */
export function demoCommand(context: CommandContext): Command {
  return withCommonOptions(new Command('demo'))
    .description('run the accounts template against a built-in emulator seeded with sample data, twice')
    .option('--count <n>', 'sample accounts to generate', positiveInteger, 3000)
    .option('--seed <n>', 'seed of the sample data generator', positiveInteger, DEMO_SEED)
    .option('--keep', 'keep the demo folder (config, state, CA) instead of removing it')
    .action(async (options: DemoOptions) => {
      context.exitCode = await runDemo(context, options);
    });
}

export async function runDemo(context: CommandContext, options: DemoOptions): Promise<number> {
  const { terminal } = context;
  // Loaded here, not at start-up: the emulator weighs on every other command.
  const { DEFAULT_CREDENTIALS, startEmulatorServer } = await import('@p2c/emulator');
  const { accounts, stats } = generateDemoAccounts({ count: options.count, seed: options.seed });
  const server = await startEmulatorServer({ host: '127.0.0.1', port: 0, seed: demoSeed(accounts) });
  const dir = mkdtempSync(join(tmpdir(), 'p2c-demo-'));
  try {
    mkdirSync(join(dir, '.p2c'), { recursive: true });
    writeFileSync(join(dir, '.p2c', 'emulator-ca.pem'), server.caPem);
    writeFileSync(
      join(dir, 'p2c.config.yaml'),
      demoConfig({ url: server.url, tenantId: DEFAULT_CREDENTIALS.tenantId, clientId: DEFAULT_CREDENTIALS.clientId, ca: './.p2c/emulator-ca.pem' }),
    );
    const demo = new CommandContext(
      terminal,
      {
        ...context.environment,
        cwd: dir,
        // The emulator's published test secret, given to this process only.
        env: { ...context.environment.env, [SECRET_ENV.sales]: DEFAULT_CREDENTIALS.clientSecret, [SECRET_ENV.finops]: DEFAULT_CREDENTIALS.clientSecret },
      },
      context.plugins,
    );
    terminal.out(introduction(server.url, dir, stats));
    const session = demo.session({ config: 'p2c.config.yaml', ...(options.verbose ? { verbose: true } : {}) });
    try {
      const keyLabel = keyLabelOf(session.container.get<TemplateRegistry>(P2C.TemplateRegistry).get(TEMPLATE));
      terminal.out('\n1. First run: every account is read, and is new to F&O.\n');
      const first = await runWithProgress(demo, session, TEMPLATE, { full: true });
      terminal.out(renderSummary(first, keyLabel));
      if (first.runId && first.counts.failed > 0) {
        const state = await session.container.getAsync<StateStore>(P2C.StateStore);
        const failures = await state.listFailures(first.runId, { limit: first.counts.failed });
        terminal.out(`\nEvery failure of the first run, by reason:\n${renderFailureReasons(failures)}`);
      }
      terminal.out(
        '\n2. Second run, nobody changed anything in Sales: only the changes since the first run are read\n' +
          '   (the accounts p2c wrote a new account number to are among them), and the records that\n' +
          '   failed are tried again; they fail again, since their data did not change.\n',
      );
      const second = await runWithProgress(demo, session, TEMPLATE, {});
      terminal.out(renderSummary(second, keyLabel));
      const quiet = second.counts.created === 0 && second.counts.updated === 0;
      terminal.out(
        quiet
          ? `\nThe second run wrote nothing to F&O: rows whose values did not change are skipped by their hash.\n`
          : `\nUnexpected: the second run wrote ${second.counts.created + second.counts.updated} rows.\n`,
      );
      terminal.out(
        options.keep
          ? `\nThe failures are the sample data's planted problems: 'p2c history --config ${join(dir, 'p2c.config.yaml')}' lists each one.\n`
          : `\nThe failures are the sample data's planted problems; run 'p2c demo --keep' to look at each one with 'p2c history' afterwards.\n`,
      );
      return first.status !== 'Error' && quiet ? EXIT.Completed : EXIT.Error;
    } finally {
      await session.close();
    }
  } finally {
    await server.close();
    if (options.keep) terminal.err(`Kept the demo folder: ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

function introduction(url: string, dir: string, stats: DemoAccountStats): string {
  return [
    `p2c demo: an emulator of Sales, F&O and Entra ID at ${url}, config and state in ${dir}`,
    `Sales holds ${formatCount(stats.total)} sample accounts; planted problems:`,
    `  ${formatCount(stats.withoutNumber)} without an account number (p2c generates one and writes it back to Sales)`,
    `  2 sharing the account number ${stats.sharedNumber} (neither is synced)`,
    `  ${formatCount(stats.unresolvableCountry)} in the country 'Atlantis' (no ISO code)`,
    `  ${formatCount(stats.unmappedPaymentTerms)} with payment terms '2% 10, Net 30', which the demo's value map leaves out`,
    `  ${formatCount(stats.unknownShippingMethod)} shipped by 'Full Load', which the value map sends to a delivery mode F&O does not have`,
    `  countries typed as 'United States', 'germany', 'DE', 'DEU' or left blank (resolved, or defaulted to USA)`,
    '',
  ].join('\n');
}
