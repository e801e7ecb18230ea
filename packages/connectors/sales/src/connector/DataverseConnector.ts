import type { Connector, EntityRef, RecordDestination, RecordSource } from '@p2c/core';
import type { ODataClient } from '@p2c/odata';
import { DataverseDestination } from './DataverseDestination.js';
import { DataverseSource } from './DataverseSource.js';

/**
 * Dynamics 365 Sales through the Dataverse Web API: a source of tables (paged, by change
 * tracking or watermark) and a destination (upserts by alternate key in `$batch`).
 */
export class DataverseConnector implements Connector {
  readonly kind = 'dataverse';

  constructor(private readonly client: ODataClient) {}

  source(ref: EntityRef): RecordSource {
    return new DataverseSource(this.client, ref);
  }

  destination(ref: EntityRef): RecordDestination {
    return new DataverseDestination(this.client, ref);
  }
}
