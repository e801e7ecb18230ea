const CRLF = '\r\n';

export interface BatchOperation {
  method: 'POST' | 'PATCH';
  /** Absolute URL of the operation. */
  url: string;
  body: Record<string, unknown>;
}

/**
 * An OData v4 `multipart/mixed` `$batch` body as p2c's client writes it (CRLF line ends,
 * `application/http` parts with absolute URLs), the operations in change sets of
 * `changesetSize`, or outside any change set when it is 0.
 */
export function encodeBatch(
  operations: readonly BatchOperation[],
  changesetSize: number,
  id: string,
): { body: string; contentType: string } {
  const boundary = `batch_${id}`;
  let out = '';
  let contentId = 0;
  const part = (op: BatchOperation, withId: boolean) => {
    let text = `Content-Type: application/http${CRLF}Content-Transfer-Encoding: binary${CRLF}`;
    if (withId) text += `Content-ID: ${++contentId}${CRLF}`;
    text += `${CRLF}${op.method} ${op.url} HTTP/1.1${CRLF}Content-Type: application/json; type=entry${CRLF}${CRLF}${JSON.stringify(op.body)}${CRLF}`;
    return text;
  };
  if (changesetSize === 0) {
    for (const op of operations) out += `--${boundary}${CRLF}${part(op, false)}`;
  } else {
    for (let start = 0, n = 1; start < operations.length; start += changesetSize, n++) {
      const changeset = `changeset_${id}_${n}`;
      out += `--${boundary}${CRLF}Content-Type: multipart/mixed; boundary=${changeset}${CRLF}${CRLF}`;
      for (const op of operations.slice(start, start + changesetSize)) out += `--${changeset}${CRLF}${part(op, true)}`;
      out += `--${changeset}--${CRLF}${CRLF}`;
    }
  }
  out += `--${boundary}--${CRLF}`;
  return { body: out, contentType: `multipart/mixed; boundary=${boundary}` };
}

/** The status of each operation in a `$batch` answer, in order (`HTTP/1.1 204 No Content` lines). */
export function batchStatuses(responseBody: string): number[] {
  return [...responseBody.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((match) => Number(match[1]));
}
