import type { Connector, EntityRef, RecordDestination, RecordSource } from '@p2c/core';
import type { ODataClient } from '@p2c/odata';
import { FinOpsDestination } from './FinOpsDestination.js';
import { FinOpsSource } from './FinOpsSource.js';

/**
 * Dynamics 365 Finance and Operations through its OData data entities: a source (paged reads
 * across legal entities) and a destination (upserts by natural key in `$batch`).
 */
export class FinOpsConnector implements Connector {
  readonly kind = 'finops';

  constructor(private readonly client: ODataClient) {}

  source(ref: EntityRef): RecordSource {
    return new FinOpsSource(this.client, ref);
  }

  destination(ref: EntityRef): RecordDestination {
    return new FinOpsDestination(this.client, ref);
  }
}
