import { z } from 'zod';
import { mappingOverridesSchema } from '../mapping/index.js';
import { recordConditionSchema } from '../templates/RecordCondition.js';
import { onKeyChangeSchema, type EntityTemplate } from '../templates/index.js';
import type { ProgressEvent } from './ProgressEvent.js';

/** Per-task settings from the configuration. */
export const taskSettingsSchema = z.object({
  ...mappingOverridesSchema.shape,
  /** Records read per page (Dataverse allows up to 5000). */
  pageSize: z.number().int().min(1).max(5000).default(5000),
  /** Records per destination write request (`$batch`). */
  batchSize: z.number().int().min(1).max(1000).default(100),
  /** Records per change set inside a batch; a change set F&O rejects is retried record by record. */
  changesetSize: z.number().int().min(1).max(1000).default(10),
  /** Write requests in flight at once (the connection's own limiter may hold them back further). */
  writeConcurrency: z.number().int().min(1).max(32).default(4),
  /** What a record deleted in the source does: listed in the run's history, or nothing. */
  onDelete: z.enum(['ignore', 'report']).default('report'),
  /** What a record synced before under another key does; absent: the template's choice (`report` by default). */
  onKeyChange: onKeyChangeSchema.optional(),
  /** Changes to the task's filters by rule name: a new condition, or `false` to drop the rule. */
  filters: z.record(z.string(), z.union([recordConditionSchema, z.literal(false)])).default({}),
});
export type TaskSettings = z.infer<typeof taskSettingsSchema>;

export interface RunOptions {
  template: EntityTemplate;
  /** Read everything, whatever the checkpoint says. */
  full: boolean;
  /** Work out what would change; write nothing anywhere, not even the state store. */
  dryRun: boolean;
  /** Only try again the records that failed before (`p2c retry`), reading nothing else. */
  pendingOnly?: boolean;
  /** Settings per task id; a task without an entry takes the defaults. */
  settings: Readonly<Record<string, TaskSettings>>;
  /** The organization map: CDS organization id -> F&O legal entity (dataAreaId). */
  organizations: Readonly<Record<string, string>>;
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
}
