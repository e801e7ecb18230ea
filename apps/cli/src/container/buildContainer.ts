import {
  type ConnectorDescriptorRegistry,
  P2C,
  SyncRunner,
  TemplateRegistry,
  type Connector,
  type ConnectorRegistry,
  type Logger,
  type Redactor,
  type StateStore,
  type TemplatePlugin,
} from '@p2c/core';
import { SqliteStateStore } from '@p2c/state-sqlite';
import { Container } from 'inversify';
import type { P2cConfig } from '../config/P2cConfig.js';
import { registerSecrets } from '../config/readSecret.js';
import { buildConnectorRegistry } from '../plugins/buildConnectorRegistry.js';
import { connectConfigured } from './connectConfigured.js';
import { ContainerConnectorRegistry, type ConnectorResolver } from './ContainerConnectorRegistry.js';
import { CLI } from './identifiers.js';

export interface ContainerInput {
  redactor: Redactor;
  logger: Logger;
  /** Where secrets are read from (`process.env`). */
  env: NodeJS.ProcessEnv;
  /** The plugins (templates, connectors), loaded and checked (`loadPlugins`). */
  plugins: readonly TemplatePlugin[];
  /** The connectors: p2c's own two and the plugins' unless given. */
  connectors?: ConnectorDescriptorRegistry;
  /** The command only reads the state store (`p2c history`): it is opened read-only. */
  readOnlyState?: boolean;
}

/**
 * The composition root. Everything is bound lazily: the plugins and the template registry need
 * nothing; the state store, connectors and runner need the configuration (bound later with
 * `provideConfig`), and a connector reads its secret only when first resolved. The state store
 * (resolve it with `getAsync`) is closed when the container is unbound (`unbindAllAsync`).
 */
export function buildContainer(input: ContainerInput): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  container.bind<Redactor>(P2C.Redactor).toConstantValue(input.redactor);
  container.bind<Logger>(P2C.Logger).toConstantValue(input.logger);
  container.bind<NodeJS.ProcessEnv>(CLI.Env).toConstantValue(input.env);

  // Registered now, so a plugin's broken or duplicate connector is refused before anything runs.
  const connectors = input.connectors ?? buildConnectorRegistry(input.plugins);
  for (const plugin of input.plugins) {
    container.bind<TemplatePlugin>(P2C.TemplatePlugin).toConstantValue(plugin);
  }
  container.bind<TemplateRegistry>(P2C.TemplateRegistry).toResolvedValue(
    (plugins: TemplatePlugin[]) => {
      const registry = new TemplateRegistry({
        describeEntity: connectors.describeEntity,
      });
      for (const plugin of plugins) registry.register(plugin);
      // Parents may name tasks of any plugin, so they are checked once all are registered.
      registry.check();
      return registry;
    },
    [{ serviceIdentifier: P2C.TemplatePlugin, isMultiple: true }],
  );

  container
    .bind<StateStore>(P2C.StateStore)
    .toResolvedValue(
      (config: P2cConfig) => SqliteStateStore.open(config.statePath, { readOnly: input.readOnlyState === true }),
      [CLI.Config],
    )
    .onDeactivation((store) => store.close());

  container.bind<ConnectorDescriptorRegistry>(P2C.ConnectorDescriptorRegistry).toConstantValue(connectors);
  for (const kind of connectors.kinds()) {
    container
      .bind<Connector>(P2C.Connector)
      .toResolvedValue(
        (config: P2cConfig, env: NodeJS.ProcessEnv, redactor: Redactor, logger: Logger) =>
          connectConfigured(kind, config, connectors, { env, redactor, logger }),
        [CLI.Config, CLI.Env, P2C.Redactor, P2C.Logger],
      )
      .whenNamed(kind);
  }
  container
    .bind<ConnectorResolver>(CLI.ConnectorResolver)
    .toConstantValue((kind) => container.get<Connector>(P2C.Connector, { name: kind }));
  container.bind<ConnectorRegistry>(P2C.ConnectorRegistry).to(ContainerConnectorRegistry);

  container
    .bind<SyncRunner>(P2C.SyncRunner)
    .toResolvedValue(
      (state: StateStore, connectors: ConnectorRegistry, logger: Logger) => new SyncRunner(state, connectors, logger),
      [P2C.StateStore, P2C.ConnectorRegistry, P2C.Logger],
    );
  return container;
}

/**
 * Makes the loaded configuration available to the bindings that need it, and registers every
 * configured secret that is set with the redactor, before anything can print it.
 */
export function provideConfig(container: Container, config: P2cConfig): void {
  registerSecrets(
    config.connections,
    container.get<ConnectorDescriptorRegistry>(P2C.ConnectorDescriptorRegistry),
    container.get<NodeJS.ProcessEnv>(CLI.Env),
    container.get<Redactor>(P2C.Redactor),
  );
  container.bind<P2cConfig>(CLI.Config).toConstantValue(config);
}
