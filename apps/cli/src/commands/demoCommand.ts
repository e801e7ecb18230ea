import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { P2C, type ProjectRunResult, type StateStore } from '@p2c/core';
import type { Emulator } from '@p2c/emulator';
import { Command } from 'commander';
import { CommandContext } from '../cli/CommandContext.js';
import { withCommonOptions } from '../cli/commonOptions.js';
import { EXIT } from '../cli/exitCodes.js';
import { positiveInteger } from '../cli/numberArguments.js';
import { SECRET_ENV } from '../config/starterConfig.js';
import { demoConfig } from '../demo/demoConfig.js';
import { demoSeed } from '../demo/demoSeed.js';
import { financeInvoicesQuote, salespersonQuotes, STORY_INVOICE, STORY_ORDER } from '../demo/demoLoop.js';
import { DEMO_SEED, generateDemoAccounts, type DemoAccountStats } from '../demo/generateDemoAccounts.js';
import { formatCount } from '../output/formatNumbers.js';
import { renderFailureReasons } from '../output/renderFailureReasons.js';
import { renderProjectEnd } from '../output/renderProjectEnd.js';
import { runProjectPass } from './runProjectCommand.js';

/** `msdyn_processingstatus` of a sales order that is Invoiced. */
const INVOICED = 192350004;

interface DemoOptions {
  count: number;
  seed: number;
  keep?: boolean;
  verbose?: boolean;
}

const PROJECT = 'prospect-to-cash';

/**
 * The whole path on one machine: an in-process emulator reached over real HTTPS with Entra ID
 * tokens, seeded with generated accounts and a quote-to-invoice story; the Prospect to cash
 * project run four times, the last finding nothing to write.
 */
export function demoCommand(context: CommandContext): Command {
  return withCommonOptions(new Command('demo'))
    .description('run the whole Prospect to cash project against a built-in emulator seeded with sample data')
    .option('--count <n>', 'sample accounts to generate', positiveInteger, 3000)
    .option('--seed <n>', 'seed of the sample data generator', positiveInteger, DEMO_SEED)
    .option('--keep', 'keep the demo folder (config, state, CA) instead of removing it')
    .action(async (options: DemoOptions) => {
      context.exitCode = await runDemo(context, options);
    });
}

async function runDemo(context: CommandContext, options: DemoOptions): Promise<number> {
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
      demoConfig({
        url: server.url,
        tenantId: DEFAULT_CREDENTIALS.tenantId,
        clientId: DEFAULT_CREDENTIALS.clientId,
        ca: './.p2c/emulator-ca.pem',
      }),
    );
    const demo = new CommandContext(
      terminal,
      {
        ...context.environment,
        cwd: dir,
        // The emulator's published test secret, given to this process only.
        env: {
          ...context.environment.env,
          [SECRET_ENV.sales]: DEFAULT_CREDENTIALS.clientSecret,
          [SECRET_ENV.finops]: DEFAULT_CREDENTIALS.clientSecret,
        },
      },
      context.plugins,
    );
    terminal.out(introduction(server.url, dir, stats));
    const session = await demo.session({ config: 'p2c.config.yaml', ...(options.verbose ? { verbose: true } : {}) });
    try {
      const state = await session.container.getAsync<StateStore>(P2C.StateStore);
      const pass = async (full: boolean): Promise<ProjectRunResult> => {
        const result = await runProjectPass(demo, session, PROJECT, { config: 'p2c.config.yaml', full });
        terminal.out(renderProjectEnd(result));
        return result;
      };

      terminal.out('\n1. First run of the project: accounts and contacts go to F&O, products come to Sales.\n');
      const first = await pass(true);
      terminal.out(await failureReasons(state, first));

      const quoteNumber = salespersonQuotes(server.emulator);
      terminal.out(
        `\n2. A salesperson quotes Contoso two speakers in Sales (${quoteNumber}) and activates the quote.\n   The next run sends the quote to F&O.\n`,
      );
      await pass(false);

      financeInvoicesQuote(server.emulator, quoteNumber);
      terminal.out(
        `\n3. Finance confirms the quotation as sales order ${STORY_ORDER} in F&O, ships and invoices it (${STORY_INVOICE});\n` +
          '   a second order stays a draft. The next run brings the order and the invoice to Sales.\n',
      );
      await pass(false);
      const story = storyInSales(server.emulator);
      terminal.out(`\n${story.text}`);

      terminal.out('\n4. Nobody changed anything: the last run reads what is new and finds nothing to write.\n');
      const last = await pass(false);
      const written = last.runs.reduce((sum, run) => sum + run.counts.created + run.counts.updated, 0);
      terminal.out(
        written === 0
          ? '\nThe last run wrote nothing anywhere: rows whose values did not change are skipped by their hash.\n'
          : `\nUnexpected: the last run wrote ${written} rows.\n`,
      );
      terminal.out(
        options.keep
          ? `\nThe failures are the sample data's planted problems: 'p2c history --config ${join(dir, 'p2c.config.yaml')}' lists each one.\n`
          : `\nThe failures are the sample data's planted problems; run 'p2c demo --keep' to look at each one with 'p2c history' afterwards.\n`,
      );
      const failed = first.runs.some((run) => run.status === 'Error');
      return !failed && story.complete && written === 0 ? EXIT.Completed : EXIT.Error;
    } finally {
      await session.close();
    }
  } finally {
    await server.close();
    if (options.keep) terminal.err(`Kept the demo folder: ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** Every failure of the run's templates, grouped by reason. */
async function failureReasons(state: StateStore, result: ProjectRunResult): Promise<string> {
  let text = '';
  for (const run of result.runs) {
    if (!run.runId || run.counts.failed + run.counts.waiting === 0) continue;
    const failures = await state.listFailures(run.runId, { limit: run.counts.failed + run.counts.waiting });
    text += `\nEvery failure of ${run.templateName}, by reason:\n${renderFailureReasons(failures)}`;
  }
  return text;
}

/** Whether the story's order and invoice reached Sales, as a user would look them up there. */
function storyInSales(emulator: Emulator): { complete: boolean; text: string } {
  const order = emulator.sales.table('salesorders').get(STORY_ORDER);
  const invoice = emulator.sales.table('invoices').get(STORY_INVOICE);
  const lines = emulator.sales
    .table('invoicedetails')
    .list()
    .filter((line) => line['_invoiceid_value'] === invoice?.['invoiceid']);
  const invoiced = order?.['msdyn_processingstatus'] === INVOICED;
  const againstOrder =
    invoice !== undefined && order !== undefined && invoice['_salesorderid_value'] === order['salesorderid'];
  const text = [
    `In Sales now: sales order ${STORY_ORDER} ${order ? (invoiced ? 'shows Invoiced' : 'is there, not Invoiced') : 'is missing'};`,
    `invoice ${STORY_INVOICE} ${invoice ? `is there with ${lines.length} line(s), total ${String(invoice['totalamount'])}, ${againstOrder ? `against ${STORY_ORDER}` : 'against no order'}` : 'is missing'}.`,
  ].join('\n');
  return { complete: invoiced && againstOrder && lines.length > 0, text: `${text}\n` };
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
    'The story: customers Contoso and Fabrikam with their contacts, two contacts who buy as persons,',
    'and seven products in F&O: one no longer sold, one sold in euros (Sales has no euro price list)',
    "and one sold by the 'box' (no unit map): each of those three is left out or fails with its reason.",
    '',
  ].join('\n');
}
