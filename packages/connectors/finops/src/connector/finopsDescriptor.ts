import { defineConnector } from '@p2c/core';
import { createConnectionClient, odataConnectionSchema } from '@p2c/odata';
import { FinOpsConnector } from './FinOpsConnector.js';
import { finOpsEntityOptionsSchema } from './FinOpsEntityOptions.js';
import { finOpsSourceOptionsSchema } from './FinOpsSourceOptions.js';
import { finopsEntities } from '../entities/index.js';

/** Dynamics 365 Finance and Operations (OData data entities), as a connector plugin of kind `finops`. */
export const finopsConnector = defineConnector({
  kind: 'finops',
  coreApi: '^0.2.0',
  offers: ['source', 'destination'],
  connectionSchema: odataConnectionSchema('https://contoso.operations.dynamics.com'),
  sourceOptionsSchema: finOpsSourceOptionsSchema,
  destinationOptionsSchema: finOpsEntityOptionsSchema,
  entities: finopsEntities,
  secretVariables: (settings) => [settings.clientSecretEnv],
  create: (settings, context) => new FinOpsConnector(createConnectionClient(settings, context, '/data')),
});
