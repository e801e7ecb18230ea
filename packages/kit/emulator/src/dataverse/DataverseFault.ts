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

export const dataverseFaults = {
  query: (message: string) => new DataverseFault(400, '0x80060888', message),
  resourceNotFound: (segment: string) =>
    new DataverseFault(404, '0x80060888', `Resource not found for the segment '${segment}'.`),
  methodNotAllowed: (method: string, path: string) =>
    new DataverseFault(405, '0x80060888', `The HTTP method '${method}' is not allowed on '${path}'.`),
  duplicateRecord: () => new DataverseFault(412, '0x80040237', 'A record with matching key values already exists.'),
  versionMismatch: () =>
    new DataverseFault(
      412,
      '0x80060882',
      "The version of the existing record doesn't match the RowVersion property provided.",
    ),
  readOnly: (entitySet: string) =>
    new DataverseFault(405, '0x80060888', `The emulator keeps '${entitySet}' read-only; only GET is supported.`),
};
