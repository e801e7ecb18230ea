import type { DescribeEntity } from '@p2c/core';
import { finopsEntities } from '@p2c/finops';

/**
 * What the first-party connectors know of their entities' columns, by the connection a task
 * names. Glue until the connector descriptors carry their `entities` (then the registry reads them).
 */
export const describeEntity: DescribeEntity = (connector, entity) =>
  connector === 'finops' ? finopsEntities[entity] : undefined;
