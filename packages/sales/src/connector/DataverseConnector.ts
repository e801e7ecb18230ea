import type { Connector, EntityRef, RecordSource } from '@p2c/core';
import type { ODataClient } from '@p2c/odata';
import { DataverseSource } from './DataverseSource.js';

/**
 * Dynamics 365 Sales through the Dataverse Web API. A source of tables today; the destination
 * side (upsert by alternate key in `$batch`) comes with the templates that write to Sales.
 */
export class DataverseConnector implements Connector {
  readonly kind = 'dataverse';

  constructor(private readonly client: ODataClient) {}

  source(ref: EntityRef): RecordSource {
    return new DataverseSource(this.client, ref);
  }
}
