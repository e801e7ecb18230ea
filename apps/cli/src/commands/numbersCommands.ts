import type { BackfillResult } from '@p2c/core';
import type { MarkActiveCustomersResult } from '@p2c/template-contact-to-customer';
import { Command } from 'commander';
import type { CommandContext, CommonOptions } from '../cli/CommandContext.js';
import { withCommonOptions } from '../cli/commonOptions.js';
import { EXIT } from '../cli/exitCodes.js';
import { formatCount } from '../output/formatNumbers.js';
import { renderPairs, renderTable } from '../output/renderTable.js';
import { runActiveCustomerBackfill } from './runActiveCustomerBackfill.js';
import { backfillExitCode, runBackfill } from './runBackfill.js';

interface BackfillOptions extends CommonOptions {
  dryRun?: boolean;
  json?: boolean;
  template: string;
}

const SHOWN = 20;

/** What a numbers command is about: the records, the template whose sequence numbers them, a sample number. */
interface NumbersCommandSpec {
  name: string;
  records: string;
  template: string;
  sample: string;
  /** Also the upgrade script's second step: Is Active Customer = Yes for contacts with sales activity. */
  marksActiveCustomers?: boolean;
}

function numbersCommand(context: CommandContext, spec: NumbersCommandSpec): Command {
  const backfill = withCommonOptions(new Command('backfill'))
    .description(
      `give every Sales ${spec.records} without a number one from the sequence (${spec.sample}), written back to Sales` +
        (spec.marksActiveCustomers
          ? '; then set Is Active Customer to Yes for contacts that are the customer of a quote, order or invoice'
          : ''),
    )
    .option('--dry-run', `count the ${spec.records}s that would change; change nothing`)
    .option('--json', 'print the result as one JSON object on stdout')
    .option('--template <id>', 'the template whose number sequence to use', spec.template)
    .action(async (options: BackfillOptions) => {
      const session = await context.session({ ...options, quiet: options.json === true && !options.verbose });
      try {
        let lastPrinted = 0;
        const result = await runBackfill(session, {
          templateId: options.template,
          dryRun: options.dryRun === true,
          onProgress: ({ scanned, assigned }) => {
            if (options.json || scanned - lastPrinted < 5000) return;
            lastPrinted = scanned;
            context.terminal.err(`scanned ${formatCount(scanned)}, ${formatCount(assigned)} numbered\n`);
          },
        });
        lastPrinted = 0;
        const activeCustomers = spec.marksActiveCustomers
          ? await runActiveCustomerBackfill(session, {
              templateId: options.template,
              dryRun: options.dryRun === true,
              onProgress: ({ scanned, set }) => {
                if (options.json || scanned - lastPrinted < 5000) return;
                lastPrinted = scanned;
                context.terminal.err(
                  `scanned ${formatCount(scanned)} contacts, ${formatCount(set)} set to Is Active Customer\n`,
                );
              },
            })
          : undefined;
        if (options.json) context.terminal.json(activeCustomers ? { ...result, activeCustomers } : result);
        else
          context.terminal.out(
            renderBackfill(result) + (activeCustomers ? renderActiveCustomers(activeCustomers) : ''),
          );
        context.exitCode = activeCustomers
          ? Math.max(backfillExitCode(result), activeCustomersExitCode(activeCustomers))
          : backfillExitCode(result);
      } finally {
        await session.close();
      }
    });
  return new Command(spec.name)
    .description(`manage Sales ${spec.records} numbers, the natural key of the ${spec.template} template`)
    .addCommand(backfill);
}

export function accountNumbersCommand(context: CommandContext): Command {
  return numbersCommand(context, {
    name: 'account-numbers',
    records: 'account',
    template: 'accounts',
    sample: 'ACC-01000-BVRCPS',
  });
}

/** Contacts and Contacts to Customer share the contact sequence: either template numbers them alike. */
export function contactNumbersCommand(context: CommandContext): Command {
  return numbersCommand(context, {
    name: 'contact-numbers',
    records: 'contact',
    template: 'contact-to-customer',
    sample: 'CON-01000-BVRCPS',
    marksActiveCustomers: true,
  });
}

function renderBackfill(result: BackfillResult): string {
  const dry = result.dryRun;
  let text = renderPairs([
    ['Task', result.taskId],
    ['Scanned', formatCount(result.scanned)],
    [dry ? 'Would number' : 'Numbered', formatCount(result.assignedCount)],
    ['Failed', formatCount(result.failures.length)],
  ]);
  if (dry) text += '\nDry run: nothing was written.\n';
  if (result.assigned.length > 0) {
    text += `\nNumbers given (${Math.min(SHOWN, result.assigned.length)} of ${formatCount(result.assignedCount)}):\n`;
    text += renderTable(
      [{ header: 'RECORD' }, { header: 'NUMBER' }],
      result.assigned.slice(0, SHOWN).map((a) => [a.id, a.key]),
    );
  }
  text += renderFailures(result.failures, 'RECORD');
  return text;
}

function renderActiveCustomers(result: MarkActiveCustomersResult): string {
  let text =
    '\nIs Active Customer (contacts that are the customer of a quote, order or invoice):\n' +
    renderPairs([
      ['Documents scanned', formatCount(result.documentsScanned)],
      ['Contacts scanned', formatCount(result.contactsScanned)],
      [result.dryRun ? 'Would set to Yes' : 'Set to Yes', formatCount(result.setCount)],
      ['Failed', formatCount(result.failures.length)],
    ]);
  text += renderFailures(result.failures, 'CONTACT');
  return text;
}

/** The first failures as a table under a count, or nothing when none failed. */
function renderFailures(failures: readonly { id: string; message: string }[], idHeader: string): string {
  if (failures.length === 0) return '';
  return (
    `\nFailed (${Math.min(SHOWN, failures.length)} of ${formatCount(failures.length)}):\n` +
    renderTable(
      [{ header: idHeader }, { header: 'MESSAGE', maxWidth: 160 }],
      failures.slice(0, SHOWN).map((f) => [f.id, f.message]),
    )
  );
}

/** The same rule as the numbers: Completed when nothing failed, Error when every update failed. */
function activeCustomersExitCode(result: MarkActiveCustomersResult): number {
  if (result.failures.length === 0) return EXIT.Completed;
  return result.setCount > 0 ? EXIT.Warning : EXIT.Error;
}
