import type { Connector, EntityRef, RecordDestination, RecordSource } from '@p2c/core';
import { FilesDestination } from './FilesDestination.js';
import { FilesSource } from './FilesSource.js';

/**
 * JSON-lines files in a folder, one file per entity set (`customers.jsonl`), one JSON object
 * per line: a source and a destination, as teams use them for migrations and for evidence.
 */
export class FilesConnector implements Connector {
  readonly kind = 'files';

  constructor(private readonly folder: string) {}

  source(ref: EntityRef): RecordSource {
    return new FilesSource(this.folder, ref);
  }

  destination(ref: EntityRef): RecordDestination {
    return new FilesDestination(this.folder, ref);
  }
}
