import { z } from 'zod';
import { mappingOverridesSchema } from '../mapping/index.js';
import type { EntityTemplate } from '../templates/index.js';
import type { ProgressEvent } from './ProgressEvent.js';

/** Per-task settings from the configuration. */
export const taskSettingsSchema = z.object({
  ...mappingOverridesSchema.shape,
  /** Records read per page (Dataverse allows up to 5000). */
  pageSize: z.number().int().min(1).max(5000).default(500),
  /** Records per destination write request. */
  batchSize: z.number().int().min(1).max(1000).default(100),
});
export type TaskSettings = z.infer<typeof taskSettingsSchema>;

export interface RunOptions {
  template: EntityTemplate;
  /** Read everything, whatever the checkpoint says. */
  full: boolean;
  /** Work out what would change; write nothing anywhere, not even the state store. */
  dryRun: boolean;
  /** Settings per task id; a task without an entry takes the defaults. */
  settings: Readonly<Record<string, TaskSettings>>;
  /** The organization map: CDS organization id -> F&O legal entity (dataAreaId). */
  organizations: Readonly<Record<string, string>>;
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
}
