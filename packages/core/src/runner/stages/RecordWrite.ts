import type { WriteRequest } from '../../connectors/index.js';
import type { PageItem } from '../PageItem.js';

/** A mapped record on its way to the destination: its destination key (built once), row and hash. */
export type RecordWrite = WriteRequest & { item: PageItem; hash: string };
