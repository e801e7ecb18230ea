export { runCli, buildProgram, VERSION, type RunCliOptions } from './cli/runCli.js';
export type { CliEnvironment, TextSink } from './cli/Terminal.js';
export { printable, printableJson } from './output/printable.js';
export { EXIT, exitCodeOf } from './cli/exitCodes.js';

export { configSchema, DEFAULT_CONNECTION_KINDS, type ConfigFile } from './config/configSchema.js';
export { loadConfig, DEFAULT_CONFIG_FILE } from './config/loadConfig.js';
export type { ConfiguredConnection, P2cConfig } from './config/P2cConfig.js';
export { starterConfig, SECRET_ENV, type StarterConfigOptions } from './config/starterConfig.js';

export { buildContainer, provideConfig, type ContainerInput } from './container/buildContainer.js';
export { CLI } from './container/identifiers.js';
export { FIRST_PARTY_PLUGINS } from './plugins/firstPartyPlugins.js';
export { FIRST_PARTY_CONNECTORS } from './plugins/firstPartyConnectors.js';
export { buildConnectorRegistry } from './plugins/buildConnectorRegistry.js';
export { loadPlugins } from './plugins/loadPlugins.js';
export { pluginEntrySchema, type PluginEntry } from './plugins/PluginEntry.js';

export {
  generateDemoAccounts,
  DEMO_SEED,
  type DemoAccount,
  type DemoAccountStats,
} from './demo/generateDemoAccounts.js';
export { SeededRandom } from './demo/SeededRandom.js';
export {
  COMPANY_FIRST_WORDS,
  COMPANY_SECOND_WORDS,
  COMPANY_SUFFIXES,
  STREET_NAMES,
} from './demo/sampleCompanyNames.js';
