import { resolve } from 'node:path';
import { defineConnector } from '@p2c/core';
import { FilesConnector } from './FilesConnector.js';
import { filesConnectionSchema, filesDestinationOptionsSchema, filesSourceOptionsSchema } from './options.js';

/**
 * The descriptor p2c registers by kind: what the connector offers, the core it was written
 * for, its settings' and options' schemas, and how to build it from checked settings.
 */
export const filesConnector = defineConnector({
  kind: 'files',
  coreApi: '^0.2.0',
  offers: ['source', 'destination'],
  connectionSchema: filesConnectionSchema,
  sourceOptionsSchema: filesSourceOptionsSchema,
  destinationOptionsSchema: filesDestinationOptionsSchema,
  // A relative folder is taken from the config file's folder, as every path in it is.
  create: (settings, context) => new FilesConnector(resolve(context.baseDir, settings.folder)),
});
