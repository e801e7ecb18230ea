import type { Connector, EntityRef, RecordDestination } from '@p2c/core';
import type { ODataClient } from '@p2c/odata';
import { FinOpsDestination } from './FinOpsDestination.js';

/**
 * Dynamics 365 Finance and Operations through its OData data entities. A destination today;
 * the source side (cross-company paged reads) comes with the templates that read from F&O.
 */
export class FinOpsConnector implements Connector {
  readonly kind = 'finops';

  constructor(private readonly client: ODataClient) {}

  destination(ref: EntityRef): RecordDestination {
    return new FinOpsDestination(this.client, ref);
  }
}
