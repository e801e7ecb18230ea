import { ConnectorDescriptorRegistry, type TemplatePlugin } from '@p2c/core';
import { FIRST_PARTY_CONNECTORS } from './firstPartyConnectors.js';

/**
 * The connectors this run can build: p2c's own, then those the plugins provide, each checked as
 * it registers (a kind provided twice is refused, naming both plugins).
 */
export function buildConnectorRegistry(
  plugins: readonly TemplatePlugin[],
  firstParty = FIRST_PARTY_CONNECTORS,
): ConnectorDescriptorRegistry {
  const registry = new ConnectorDescriptorRegistry();
  for (const { plugin, descriptor } of firstParty) registry.register(descriptor, plugin);
  for (const plugin of plugins) {
    for (const descriptor of plugin.connectors ?? []) registry.register(descriptor, plugin.name);
  }
  return registry;
}
