import { Option, type Command } from 'commander';
import { DEFAULT_CONFIG_FILE } from '../config/loadConfig.js';

/** `--config FILE` and `--verbose`, on every command so each one's help shows them. */
export function withCommonOptions(command: Command): Command {
  return command
    .addOption(new Option('-c, --config <file>', 'the config file').default(DEFAULT_CONFIG_FILE))
    .addOption(new Option('-v, --verbose', 'log what p2c does (stderr)'));
}
