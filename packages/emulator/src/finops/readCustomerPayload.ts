import { CUSTOMER_FIELDS, CUSTOMER_TYPE_NAME, NO_YES_ENUM, isCustomerField } from './customerFields.js';
import type { FinOpsCustomer } from './FinOpsCustomer.js';
import { FinOpsFault } from './FinOpsFault.js';

const EDM: Record<string, string> = { string: 'Edm.String', decimal: 'Edm.Decimal', integer: 'Edm.Int32' };

function conversionError(type: string): FinOpsFault {
  return new FinOpsFault(
    400,
    `Cannot convert a primitive value to the expected type '${type}'. See the inner exception for more details.`,
  );
}

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
    const { kind } = CUSTOMER_FIELDS[key];
    if (value === null) {
      if (kind === 'string') {
        changes[key] = '';
        continue;
      }
      const type = kind === 'noyes' ? NO_YES_ENUM : (EDM[kind] ?? kind);
      throw new FinOpsFault(
        400,
        `A null value was found for the property named '${key}', which has the expected type '${type}[Nullable=False]'. The expected type '${type}[Nullable=False]' does not allow null values.`,
      );
    }
    switch (kind) {
      case 'string':
        if (typeof value !== 'string') throw conversionError('Edm.String');
        changes[key] = key === 'dataAreaId' ? value.toLowerCase() : value;
        break;
      case 'decimal':
        if (typeof value !== 'number' || !Number.isFinite(value)) throw conversionError('Edm.Decimal');
        changes[key] = value;
        break;
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value)) throw conversionError('Edm.Int32');
        changes[key] = value;
        break;
      case 'noyes':
        if (value !== 'Yes' && value !== 'No') {
          throw new FinOpsFault(
            400,
            `The value '${String(value)}' is not a valid member of the enumeration type '${NO_YES_ENUM}'.`,
          );
        }
        changes[key] = value;
        break;
    }
  }
  return changes as Partial<FinOpsCustomer>;
}
