import { ODATA_EXCEPTION, WRITE_EXCEPTION } from '../finops/FinOpsFault.js';
import { jsonResponse } from '../http/jsonResponse.js';
import type { ServiceName } from '../pipeline/EmulatorContext.js';

/** Marks an injected answer, for whoever reads a trace; clients must not depend on it. */
const FAULT_HEADER = 'X-Emulator-Fault';

function finOpsBody(message: string, type: string = ODATA_EXCEPTION): unknown {
  return { error: { code: '', message: 'An error has occurred.', innererror: { message, type, stacktrace: '' } } };
}

function errorBody(service: ServiceName, dataverseCode: string, message: string): unknown {
  return service === 'finops' ? finOpsBody(message) : { error: { code: dataverseCode, message } };
}

export function serviceUnavailable(service: ServiceName): Response {
  return jsonResponse(
    503,
    errorBody(service, '0x80040216', 'The service is temporarily unavailable. Try again later.'),
    {
      [FAULT_HEADER]: '503',
    },
  );
}

/** A 500 the client cannot tell apart whether the request was applied (`after`) or not. */
export function internalError(service: ServiceName, fault: '500' | '500-after'): Response {
  return jsonResponse(500, errorBody(service, '0x80040216', 'An unexpected error occurred.'), {
    [FAULT_HEADER]: fault,
  });
}

/** The one answer that replaces a change set rolled back as a whole. */
export function changesetFailure(service: ServiceName, status: 400 | 500): Response {
  if (status === 400) {
    const reason = 'The change set was rolled back: one of its records was refused by a business rule.';
    const body =
      service === 'finops'
        ? finOpsBody(
            `Write failed for table row of type 'CustCustomerV3Entity'. Infolog: Error: ${reason}`,
            WRITE_EXCEPTION,
          )
        : { error: { code: '0x80040265', message: reason } };
    return jsonResponse(400, body, { [FAULT_HEADER]: 'changeset-failure' });
  }
  return jsonResponse(
    500,
    errorBody(service, '0x80040216', 'The change set was rolled back: the transaction failed while it was committed.'),
    { [FAULT_HEADER]: 'changeset-failure' },
  );
}
