import { jsonResponse } from '../http/jsonResponse.js';

export const WRITE_EXCEPTION = 'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException';
export const ODATA_EXCEPTION = 'Microsoft.OData.ODataException';

/**
 * An error F&O's OData service would answer with. Its body nests the real message under
 * `innererror`: `{"error":{"code":"","message":"An error has occurred.","innererror":{...}}}`.
 */
export class FinOpsFault extends Error {
  override readonly name = 'FinOpsFault';

  constructor(
    readonly status: number,
    message: string,
    readonly type: string = ODATA_EXCEPTION,
  ) {
    super(message);
  }

  toResponse(): Response {
    return jsonResponse(this.status, {
      error: {
        code: '',
        message: 'An error has occurred.',
        innererror: { message: this.message, type: this.type, stacktrace: '' },
      },
    });
  }
}

/** Infolog lines joined the way F&O writes them into the inner message. */
export function writeFailed(entries: readonly string[], tableType = 'CustCustomerV3Entity'): FinOpsFault {
  return new FinOpsFault(
    400,
    `Write failed for table row of type '${tableType}'. Infolog: ${entries.map((entry) => `Error: ${entry}`).join('; ')}`,
    WRITE_EXCEPTION,
  );
}

/** ASP.NET Web API's answer for a path no entity set matches (names are case-sensitive). */
export function noResource(url: string): Response {
  return jsonResponse(404, { Message: `No HTTP resource was found that matches the request URI '${url}'.` });
}

export function methodNotSupported(method: string): Response {
  return jsonResponse(405, { Message: `The requested resource does not support http method '${method}'.` });
}
