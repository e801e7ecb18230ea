import {
  backfillKeys,
  P2C,
  type BackfillResult,
  type ConnectorRegistry,
  type StateStore,
  type TemplateRegistry,
} from '@p2c/core';
import type { Session } from '../cli/CommandContext.js';
import { EXIT } from '../cli/exitCodes.js';

export interface BackfillRequest {
  templateId: string;
  dryRun: boolean;
  batchSize?: number;
  onProgress?: (progress: { scanned: number; assigned: number }) => void;
}

/**
 * The upgrade script of the Prospect to cash solution: every source record without a natural
 * key gets one from the template's number sequence, written back to the source.
 */
export async function runBackfill(session: Session, request: BackfillRequest): Promise<BackfillResult> {
  const template = session.container.get<TemplateRegistry>(P2C.TemplateRegistry).get(request.templateId);
  const state = await session.container.getAsync<StateStore>(P2C.StateStore);
  const connectors = session.container.get<ConnectorRegistry>(P2C.ConnectorRegistry);
  return backfillKeys({
    template,
    state,
    connectors,
    dryRun: request.dryRun,
    ...(request.batchSize === undefined ? {} : { batchSize: request.batchSize }),
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  });
}

/** Completed when nothing failed; Warning when some did; Error when every write-back failed. */
export function backfillExitCode(result: BackfillResult): number {
  if (result.failures.length === 0) return EXIT.Completed;
  return result.assignedCount > 0 ? EXIT.Warning : EXIT.Error;
}
