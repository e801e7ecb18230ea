import type { ConnectorDescriptor } from '@p2c/core';
import { finopsConnector } from '@p2c/finops';
import { dataverseConnector } from '@p2c/sales';

/** p2c's own connectors, which the harness registers unless it is given others (add yours beside them). */
export const p2cConnectors: readonly ConnectorDescriptor[] = [dataverseConnector, finopsConnector];
