import { ODataError } from '../errors/ODataError.js';
import { errorFromResponse } from '../errors/errorFromResponse.js';
import {
  isChangeset,
  type BatchItemResult,
  type BatchPart,
  type BatchRequest,
  type DecodedBatchItem,
} from './BatchPart.js';

/**
 * Pairs each request with its response: one result per request, in input order.
 * - A changeset answered item by item is matched on Content-ID (by position when absent).
 * - A changeset answered by ONE error part (the service rolled it back) gives that error to each
 *   of its requests.
 * - Requests with no answer (the service stopped at the first error, without
 *   `odata.continue-on-error`) get status 424 and a transient `BATCH_NOT_EXECUTED` error: they were
 *   not wrong, only not run.
 */
export function matchBatchResults(
  parts: BatchPart[],
  items: DecodedBatchItem[],
  context: { secrets?: readonly (string | undefined)[] } = {},
): BatchItemResult[] {
  const byPart = new Map<number, DecodedBatchItem[]>();
  for (const item of items) {
    const group = byPart.get(item.part) ?? [];
    group.push(item);
    byPart.set(item.part, group);
  }

  const results: BatchItemResult[] = [];
  let contentId = 0;
  parts.forEach((part, index) => {
    const group = byPart.get(index) ?? [];
    if (!isChangeset(part)) {
      const item = group[0];
      results.push(
        item === undefined || group.length !== 1 || item.inChangeset
          ? notExecuted(part)
          : toResult(part, item, context),
      );
      return;
    }
    const ids = part.changeset.map(() => String(++contentId));
    const single = group.length === 1 && group[0]?.inChangeset === false ? group[0] : undefined;
    part.changeset.forEach((request, position) => {
      if (single !== undefined) {
        results.push(toResult(request, single, context));
        return;
      }
      const answered =
        group.find((item) => item.inChangeset && item.contentId !== undefined && item.contentId === ids[position]) ??
        (group.every((item) => item.contentId === undefined) ? group[position] : undefined);
      results.push(answered === undefined ? notExecuted(request) : toResult(request, answered, context));
    });
  });
  return results;
}

function toResult(
  request: BatchRequest,
  item: DecodedBatchItem,
  context: { secrets?: readonly (string | undefined)[] },
): BatchItemResult {
  const result: BatchItemResult = { request, status: item.status, headers: item.headers, body: item.body };
  if (item.status >= 400) {
    result.error = errorFromResponse(
      {
        status: item.status,
        statusText: item.statusText,
        header: (name) => item.headers[name.toLowerCase()],
        bodyText: item.bodyText,
      },
      { method: request.method, url: request.url, secrets: context.secrets ?? [] },
    );
  }
  return result;
}

function notExecuted(request: BatchRequest): BatchItemResult {
  return {
    request,
    status: 424,
    headers: {},
    body: undefined,
    error: new ODataError('Not executed: an earlier request in the batch failed', {
      status: 424,
      kind: 'transient',
      code: 'BATCH_NOT_EXECUTED',
      method: request.method,
      url: request.url,
    }),
  };
}
