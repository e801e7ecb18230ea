import { CUSTOMER_FIELDS, CUSTOMER_TYPE_NAME, isCustomerField } from './customerFields.js';
import type { FinOpsCustomer } from './FinOpsCustomer.js';
import { FinOpsFault } from './FinOpsFault.js';
import { readFieldValue } from './fieldValues.js';

/**
 * Reads a CustomersV3 write body the way F&O's OData layer deserialises it: unknown
 * properties, wrong types and unknown enum members are refused before any X++ validation.
 * Instance annotations (`@odata.etag`, `@odata.type`) are ignored.
 */
export function readCustomerPayload(body: Record<string, unknown>): Partial<FinOpsCustomer> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.includes('@')) continue;
    if (!isCustomerField(key)) {
      throw new FinOpsFault(
        400,
        `The property '${key}' does not exist on type '${CUSTOMER_TYPE_NAME}'. Make sure to only use property names that are defined by the type.`,
      );
    }
    changes[key] = readFieldValue(key, CUSTOMER_FIELDS[key].kind, value);
  }
  return changes;
}
