import { jsonResponse } from '../http/jsonResponse.js';

/**
 * An error the Dataverse Web API would answer with: HTTP status, the hexadecimal error code
 * and the message, written as `{"error":{"code","message"}}`.
 */
export class DataverseFault extends Error {
  override readonly name = 'DataverseFault';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  toResponse(headers: Record<string, string> = {}): Response {
    return jsonResponse(this.status, { error: { code: this.code, message: this.message } }, headers);
  }
}

const PAYLOAD_PREFIX =
  "Error identified in Payload provided by the user for Entity :'accounts', For more information on this error please follow this help link https://go.microsoft.com/fwlink/?linkid=2195293  ----> InnerException : ";

export const dataverseFaults = {
  recordNotFound: (entity: string, id: string) =>
    new DataverseFault(404, '0x80040217', `${entity} With Id = ${id} Does Not Exist`),
  keyNotFound: (entity: string) =>
    new DataverseFault(404, '0x80060891', `A record with the specified key values does not exist in ${entity} entity`),
  ambiguousKey: (key: string, count: number) =>
    new DataverseFault(
      400,
      '0x80060892',
      `The alternate key ${key} matches ${count} account records. An alternate key needs unique values: real Dataverse could not have activated the key 'accountnumber' while these duplicates exist.`,
    ),
  undefinedKey: (entity: string, names: string) =>
    new DataverseFault(
      400,
      '0x80060888',
      `The key '${names}' is not defined as an alternate key for the entity '${entity}'.`,
    ),
  query: (message: string) => new DataverseFault(400, '0x80060888', message),
  resourceNotFound: (segment: string) =>
    new DataverseFault(404, '0x80060888', `Resource not found for the segment '${segment}'.`),
  methodNotAllowed: (method: string, path: string) =>
    new DataverseFault(405, '0x80060888', `The HTTP method '${method}' is not allowed on '${path}'.`),
  payload: (innerException: string) => new DataverseFault(400, '0x80048d19', PAYLOAD_PREFIX + innerException),
  maxLength: (column: string, maxLength: number) =>
    new DataverseFault(
      400,
      '0x80044331',
      `A validation error occurred. The length of the '${column}' attribute of the 'account' entity exceeded the maximum allowed length of '${maxLength}'.`,
    ),
  outOfRange: (column: string, value: number, accepted?: readonly number[]) =>
    new DataverseFault(
      400,
      '0x8004431a',
      `A validation error occurred. The value ${value} of '${column}' on record of type 'account' is outside the valid range.` +
        (accepted ? ` Accepted Values: ${accepted.join(',')}` : ''),
    ),
  required: (column: string) =>
    new DataverseFault(
      400,
      '0x80044331',
      `A validation error occurred. The '${column}' attribute of the 'account' entity is required and cannot be empty.`,
    ),
  duplicateRecord: () => new DataverseFault(412, '0x80040237', 'A record with matching key values already exists.'),
  duplicateAccountNumber: () =>
    new DataverseFault(
      412,
      '0x80060892',
      'A record that has the attribute values Account Number already exists. The entity key Account Number Key requires that this set of attributes contains unique values. Select unique values and try again.',
    ),
  versionMismatch: () =>
    new DataverseFault(
      412,
      '0x80060882',
      "The version of the existing record doesn't match the RowVersion property provided.",
    ),
  readOnly: (entitySet: string) =>
    new DataverseFault(405, '0x80060888', `The emulator keeps '${entitySet}' read-only; only GET is supported.`),
  batch: (message: string) => new DataverseFault(400, '0x80060888', message),
};
