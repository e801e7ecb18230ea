import type { ConnectorDescriptor } from '@p2c/core';
import { finopsConnector } from '@p2c/finops';
import { dataverseConnector } from '@p2c/sales';

/** The connectors p2c ships with, always registered; plugins may add others beside them. */
export const FIRST_PARTY_CONNECTORS: readonly { plugin: string; descriptor: ConnectorDescriptor }[] = [
  { plugin: '@p2c/sales', descriptor: dataverseConnector },
  { plugin: '@p2c/finops', descriptor: finopsConnector },
];
