import { Redactor, type TemplatePlugin } from '@p2c/core';
import { Command, CommanderError } from 'commander';
import { accountNumbersCommand, contactNumbersCommand } from '../commands/numbersCommands.js';
import { templateCommand } from '../commands/templateCommand.js';
import { connectorCommand } from '../commands/connectorCommand.js';
import { demoCommand } from '../commands/demoCommand.js';
import { emulatorCommand } from '../commands/emulatorCommand.js';
import { historyCommand } from '../commands/historyCommand.js';
import { initCommand } from '../commands/initCommand.js';
import { retryCommand } from '../commands/retryCommand.js';
import { runCommand } from '../commands/runCommand.js';
import { templatesCommand } from '../commands/templatesCommand.js';
import { CommandContext } from './CommandContext.js';
import { describeError } from './describeError.js';
import { EXIT } from './exitCodes.js';
import { Terminal, type CliEnvironment } from './Terminal.js';
import packageJson from '../../package.json' with { type: 'json' };

/** The version `p2c --version` prints: the package's own, as published. */
export const VERSION: string = packageJson.version;

export interface RunCliOptions {
  /** Template plugins to install instead of the ones p2c ships with (tests). */
  plugins?: readonly TemplatePlugin[];
}

/**
 * Runs one `p2c` command line (without `node` and the script) and returns the exit code:
 * 0 Completed, 1 Warning, 2 Error, 3 configuration or usage error. Never throws; never exits.
 */
export async function runCli(
  argv: readonly string[],
  environment: CliEnvironment,
  options: RunCliOptions = {},
): Promise<number> {
  const terminal = new Terminal(environment, new Redactor());
  const context = new CommandContext(terminal, environment, options.plugins);
  const program = buildProgram(context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end here too, with code 0; commander has printed them already.
      return error.exitCode === 0 ? 0 : EXIT.Config;
    }
    const { message, exitCode } = describeError(error);
    terminal.err(`p2c: ${message}\n`);
    return exitCode;
  }
}

export function buildProgram(context: CommandContext): Command {
  const program = new Command('p2c')
    .description('Prospect to cash: sync Dynamics 365 Sales and Finance and Operations')
    .version(VERSION)
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => context.terminal.out(text),
      writeErr: (text) => context.terminal.err(text),
    })
    .exitOverride();
  for (const command of [
    templatesCommand(context),
    runCommand(context),
    retryCommand(context),
    historyCommand(context),
    accountNumbersCommand(context),
    contactNumbersCommand(context),
    templateCommand(context),
    connectorCommand(context),
    initCommand(context),
    emulatorCommand(context),
    demoCommand(context),
  ]) {
    program.addCommand(command);
  }
  // Subcommands built apart do not inherit these; every one must report through the terminal.
  for (const command of allCommands(program)) {
    command.exitOverride().configureOutput({
      writeOut: (text) => context.terminal.out(text),
      writeErr: (text) => context.terminal.err(text),
    });
  }
  return program;
}

function allCommands(command: Command): Command[] {
  return command.commands.flatMap((child) => [child, ...allCommands(child)]);
}
