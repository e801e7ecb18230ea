import { P2C, type ConnectorRegistry, type TemplateRegistry } from '@p2c/core';
import { markActiveCustomers, type MarkActiveCustomersResult } from '@p2c/template-contact-to-customer';
import type { Session } from '../cli/CommandContext.js';

export interface ActiveCustomerBackfillRequest {
  /** The contact template whose source names the Sales connection. */
  templateId: string;
  dryRun: boolean;
  onProgress?: (progress: { scanned: number; set: number }) => void;
}

/**
 * The upgrade script's Is Active Customer step, after the contact numbers: contacts that are
 * the customer of a quote, an order or an invoice in Sales get Is Active Customer = Yes.
 */
export async function runActiveCustomerBackfill(
  session: Session,
  request: ActiveCustomerBackfillRequest,
): Promise<MarkActiveCustomersResult> {
  const template = session.container.get<TemplateRegistry>(P2C.TemplateRegistry).get(request.templateId);
  const connectors = session.container.get<ConnectorRegistry>(P2C.ConnectorRegistry);
  const task = template.tasks[0];
  return markActiveCustomers({
    connectors,
    connector: task?.source.connector ?? 'dataverse',
    dryRun: request.dryRun,
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  });
}
