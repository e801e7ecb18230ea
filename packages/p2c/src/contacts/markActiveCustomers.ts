import {
  ConfigError,
  isP2cError,
  type ConnectorRegistry,
  type FieldUpdate,
  type KeyAssignmentOutcome,
  type RecordSource,
} from '@p2c/core';

/** The Sales documents whose customer has "sales activity": quotations, orders and invoices. */
export const SALES_ACTIVITY_DOCUMENTS = [
  { entity: 'quotes', idField: 'quoteid' },
  { entity: 'salesorders', idField: 'salesorderid' },
  { entity: 'invoices', idField: 'invoiceid' },
] as const;

const ACTIVE_CUSTOMER_FIELD = 'msdyn_isactivecustomer';
/** A document's customer: an account or a contact (a customer lookup). */
const CUSTOMER_COLUMN = '_customerid_value';
const KEPT_IN_REPORT = 100;

export interface MarkActiveCustomersOptions {
  connectors: ConnectorRegistry;
  /** The connector Sales is reached by, as the contact templates name it (`dataverse`). */
  connector: string;
  /** Count the contacts that would be set; change nothing. */
  dryRun: boolean;
  pageSize?: number;
  /** Contacts updated per request. */
  batchSize?: number;
  onProgress?: (progress: { scanned: number; set: number }) => void;
}

export interface MarkActiveCustomersResult {
  dryRun: boolean;
  /** Quotes, orders and invoices read. */
  documentsScanned: number;
  contactsScanned: number;
  /** Contacts set to Is Active Customer = Yes now (or that would be, in a dry run). */
  setCount: number;
  /** The first contacts set, by id, for the report. */
  set: string[];
  failures: { id: string; message: string }[];
}

/**
 * The upgrade script's second step: "sets the Is Active Customer field to Yes for any
 * Contacts that have sales activity", that is contacts that are the customer of a quotation,
 * an order or an invoice in Sales. Contacts already set, and contacts without such documents,
 * are left alone, so a rerun sets nothing new and an interrupted run resumes where it stopped.
 * Every read is paged; only the customers' ids are kept in memory.
 */
export async function markActiveCustomers(options: MarkActiveCustomersOptions): Promise<MarkActiveCustomersResult> {
  const connector = options.connectors.get(options.connector);
  const pageSize = options.pageSize ?? 5000;
  const batchSize = options.batchSize ?? 100;
  const result: MarkActiveCustomersResult = {
    dryRun: options.dryRun,
    documentsScanned: 0,
    contactsScanned: 0,
    setCount: 0,
    set: [],
    failures: [],
  };

  const customers = new Set<string>();
  for (const { entity, idField } of SALES_ACTIVITY_DOCUMENTS) {
    const documents = connector.source?.({
      entity,
      key: [],
      fields: [CUSTOMER_COLUMN],
      options: { idField, changeTracking: false },
    });
    if (!documents) throw unsupported(options.connector);
    for await (const page of documents.read({ checkpoint: null, pageSize })) {
      result.documentsScanned += page.records.length;
      for (const { data } of page.records) {
        const customer = data[CUSTOMER_COLUMN];
        if (typeof customer === 'string' && customer !== '') customers.add(customer.toLowerCase());
      }
    }
  }

  const contacts = connector.source?.({
    entity: 'contacts',
    key: [],
    fields: [ACTIVE_CUSTOMER_FIELD],
    options: { idField: 'contactid', changeTracking: false },
  });
  if (!contacts?.updateFields) throw unsupported(options.connector);
  const writer = contacts as RecordSource & Required<Pick<RecordSource, 'updateFields'>>;

  let pending: FieldUpdate[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const updates = pending;
    pending = [];
    const outcomes = options.dryRun
      ? updates.map(({ id }) => ({ id, ok: true as const }))
      : await updateOrFail(writer, updates);
    for (const outcome of outcomes) {
      if (!outcome.ok) {
        result.failures.push({ id: outcome.id, message: outcome.message });
        continue;
      }
      result.setCount += 1;
      if (result.set.length < KEPT_IN_REPORT) result.set.push(outcome.id);
    }
  };

  for await (const page of contacts.read({ checkpoint: null, pageSize })) {
    result.contactsScanned += page.records.length;
    for (const { id, data } of page.records) {
      // Only Yes is left alone: No and never set (null) both become Yes when the contact has documents.
      if (data[ACTIVE_CUSTOMER_FIELD] === true || !customers.has(id.toLowerCase())) continue;
      pending.push({ id, values: { [ACTIVE_CUSTOMER_FIELD]: true } });
      if (pending.length >= batchSize) await flush();
    }
    options.onProgress?.({ scanned: result.contactsScanned, set: result.setCount });
  }
  await flush();
  return result;
}

/**
 * One request that failed as a whole fails its contacts, each with the reason; the next rerun
 * tries them again. A service that took no request, or a fatal error, stops the command.
 */
async function updateOrFail(
  writer: Required<Pick<RecordSource, 'updateFields'>>,
  updates: FieldUpdate[],
): Promise<KeyAssignmentOutcome[]> {
  try {
    return await writer.updateFields(updates);
  } catch (error) {
    const perRecord = isP2cError(error) && (error.kind === 'record' || error.kind === 'transient');
    if (!perRecord || error.serviceUnavailable) throw error;
    return updates.map(({ id }) => ({ id, ok: false, message: error.message }));
  }
}

function unsupported(connector: string): ConfigError {
  return new ConfigError(
    `Connector '${connector}' cannot read Sales documents and update contacts, which setting Is Active Customer needs`,
    { code: 'BACKFILL_UNSUPPORTED' },
  );
}
