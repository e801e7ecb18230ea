import { defineConnector } from '@p2c/core';
import { createConnectionClient, odataConnectionSchema } from '@p2c/odata';
import { DataverseConnector } from './DataverseConnector.js';
import { dataverseDestinationOptionsSchema } from './DataverseDestinationOptions.js';
import { dataverseEntityOptionsSchema } from './DataverseEntityOptions.js';
import { dataverseEntities } from '../entities/index.js';

/** Dynamics 365 Sales (Dataverse Web API v9.2), as a connector plugin of kind `dataverse`. */
export const dataverseConnector = defineConnector({
  kind: 'dataverse',
  coreApi: '^0.2.0',
  offers: ['source', 'destination'],
  connectionSchema: odataConnectionSchema('https://contoso.crm.dynamics.com'),
  sourceOptionsSchema: dataverseEntityOptionsSchema,
  destinationOptionsSchema: dataverseDestinationOptionsSchema,
  entities: dataverseEntities,
  secretVariables: (settings) => [settings.clientSecretEnv],
  create: (settings, context) => new DataverseConnector(createConnectionClient(settings, context, '/api/data/v9.2')),
});
