import {
  P2C,
  type ConnectorDescriptorRegistry,
  type LogLevel,
  type TemplatePlugin,
  type TemplateRegistry,
} from '@p2c/core';
import type { Container } from 'inversify';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config/loadConfig.js';
import { readPluginEntries } from '../config/readPluginEntries.js';
import { DEFAULT_PLUGIN_LOAD_TIMEOUT_MS, loadPlugins } from '../plugins/loadPlugins.js';
import type { P2cConfig } from '../config/P2cConfig.js';
import { buildContainer, provideConfig } from '../container/buildContainer.js';
import { StderrLogger } from './StderrLogger.js';
import type { CliEnvironment, Terminal } from './Terminal.js';

/** Options every command accepts. */
export interface CommonOptions {
  config: string;
  verbose?: boolean;
}

/** A command's container with the configuration loaded; `close()` releases the state store. */
export interface Session {
  container: Container;
  config: P2cConfig;
  close(): Promise<void>;
}

/** What a command is given: the terminal and the ways to get at the services. */
export class CommandContext {
  /** What the process should exit with once the command's action returns. */
  exitCode = 0;

  constructor(
    readonly terminal: Terminal,
    readonly environment: CliEnvironment,
    readonly plugins: readonly TemplatePlugin[] | undefined,
  ) {}

  /** Plugins given to the context (tests) win; otherwise the config's, loaded from their packages. */
  async #plugins(configFile: string): Promise<readonly TemplatePlugin[]> {
    if (this.plugins) return this.plugins;
    const list = readPluginEntries(configFile, this.environment.cwd);
    // Before any plugin code runs: an error a plugin throws may quote a secret.
    for (const variable of list.secretVariables) this.terminal.redactor.add(this.environment.env[variable]);
    return loadPlugins(list.entries, list.baseDir, { timeoutMs: pluginLoadTimeout(this.environment.env) });
  }

  /**
   * A container without configuration: enough for what the plugins provide. The plugins are
   * the ones the config file names (the first-party set without one), loaded like any package.
   */
  async container(
    options: { config?: string; verbose?: boolean; quiet?: boolean; readOnlyState?: boolean } = {},
  ): Promise<Container> {
    return buildContainer({
      readOnlyState: options.readOnlyState === true,
      redactor: this.terminal.redactor,
      logger: new StderrLogger(this.terminal, levelOf(options)),
      env: this.environment.env,
      plugins: await this.#plugins(options.config ?? DEFAULT_CONFIG_FILE),
    });
  }

  /** Loads the config file (a ConfigError if it is missing or wrong) into a new container. */
  async session(options: CommonOptions & { quiet?: boolean; readOnlyState?: boolean }): Promise<Session> {
    const container = await this.container(options);
    const templates = container.get<TemplateRegistry>(P2C.TemplateRegistry);
    const connectors = container.get<ConnectorDescriptorRegistry>(P2C.ConnectorDescriptorRegistry);
    const config = loadConfig(options.config, templates, this.environment.cwd, connectors);
    provideConfig(container, config);
    return { container, config, close: () => container.unbindAllAsync() };
  }
}

/** How long one plugin's module may take to load: P2C_PLUGIN_LOAD_TIMEOUT_MS, else 30 s. */
function pluginLoadTimeout(env: NodeJS.ProcessEnv): number {
  const value = Number(env['P2C_PLUGIN_LOAD_TIMEOUT_MS']);
  return Number.isSafeInteger(value) && value > 0 ? value : DEFAULT_PLUGIN_LOAD_TIMEOUT_MS;
}

function levelOf(options: { verbose?: boolean; quiet?: boolean }): LogLevel {
  if (options.verbose) return 'info';
  return options.quiet ? 'error' : 'warn';
}
