import type { ChangesetFailurePlan } from '../../pipeline/EmulatorContext.js';
import { parsePrefer } from '../parsePrefer.js';
import { operationCount, type BatchOperation } from './BatchRequest.js';
import { BatchFormatError, parseBatchRequest } from './parseBatchRequest.js';
import { serializeBatchResponse, type BatchPartResponse, type BatchResponseEntry } from './serializeBatchResponse.js';

/** What `executeBatch` needs from the service it runs inside. */
export interface BatchService {
  /** Most operations one batch may hold (Dataverse 1000, F&O 5000). */
  readonly maxOperations: number;
  /** Absolute service root that relative part URLs resolve against, ending in `/`. */
  readonly serviceRoot: string;
  /** Runs one operation through the service's router (no auth, no counting). */
  execute(request: Request): Promise<Response>;
  /** Counts one executed operation. */
  onOperation(method: string): void;
  /** Starts, keeps or undoes a change set's writes. */
  begin(): Promise<void> | void;
  commit(): void;
  rollback(): void;
  /** The service's own error body for a batch it refuses as a whole. */
  errorResponse(status: number, message: string): Response;
  /** An injected fault: roll back one change set whose operations all succeeded, as a whole. */
  readonly changesetFailure?: ChangesetFailurePlan | undefined;
}

async function readResponse(response: Response, contentId: string | undefined): Promise<BatchPartResponse> {
  const body = await response.text();
  const part = { status: response.status, headers: response.headers, body };
  return contentId === undefined ? part : { ...part, contentId };
}

function resolveUrl(operation: BatchOperation, service: BatchService, entityUrls: Map<string, string>): string {
  const reference = /^\$([^/?]+)(.*)$/.exec(operation.url);
  if (reference) {
    const target = entityUrls.get(reference[1] ?? '');
    if (target) return target + (reference[2] ?? '');
  }
  return new URL(operation.url, service.serviceRoot).toString();
}

/**
 * Runs an OData multipart `$batch`: top-level requests one by one, change sets atomically
 * (the first failure rolls the whole change set back and its response replaces the change
 * set). Without `Prefer: odata.continue-on-error` processing stops at the first failure.
 */
export async function executeBatch(request: Request, service: BatchService): Promise<Response> {
  let entries;
  try {
    entries = parseBatchRequest(request.headers.get('content-type'), await request.text());
  } catch (error) {
    if (error instanceof BatchFormatError) return service.errorResponse(400, error.message);
    throw error;
  }
  if (operationCount(entries) > service.maxOperations) {
    return service.errorResponse(
      400,
      `The number of requests in the batch (${operationCount(entries)}) exceeds the limit of ${service.maxOperations}.`,
    );
  }
  const continueOnError = parsePrefer(request.headers.get('prefer')).has('odata.continue-on-error');
  const entityUrls = new Map<string, string>();
  const results: BatchResponseEntry[] = [];

  const run = async (operation: BatchOperation): Promise<BatchPartResponse> => {
    service.onOperation(operation.method);
    const hasBody = operation.method !== 'GET' && operation.method !== 'HEAD' && operation.body.length > 0;
    const inner = new Request(resolveUrl(operation, service, entityUrls), {
      method: operation.method,
      headers: operation.headers,
      ...(hasBody ? { body: operation.body } : {}),
    });
    const part = await readResponse(await service.execute(inner), operation.contentId);
    const entityUrl = part.headers.get('odata-entityid') ?? part.headers.get('location');
    if (operation.contentId !== undefined && entityUrl) entityUrls.set(operation.contentId, entityUrl);
    return part;
  };

  const changesets = entries.filter((entry) => entry.kind === 'changeset').length;
  const failing = service.changesetFailure && changesets > 0 ? service.changesetFailure.pick(changesets) : -1;
  let changesetIndex = -1;

  for (const entry of entries) {
    if (entry.kind === 'operation') {
      const response = await run(entry.operation);
      results.push({ kind: 'operation', response });
      if (response.status >= 400 && !continueOnError) break;
      continue;
    }
    changesetIndex += 1;
    await service.begin();
    const responses: BatchPartResponse[] = [];
    let failure: BatchPartResponse | undefined;
    try {
      for (const operation of entry.operations) {
        const response = await run(operation);
        if (response.status >= 400) {
          failure = response;
          break;
        }
        responses.push(response);
      }
    } catch (error) {
      service.rollback();
      throw error;
    }
    if (!failure && changesetIndex === failing && service.changesetFailure) {
      // Every operation succeeded; the commit fails, so nothing of the change set remains.
      service.changesetFailure.onInjected();
      failure = await readResponse(service.changesetFailure.response(), entry.operations[0]?.contentId);
    }
    if (failure) {
      service.rollback();
      results.push({ kind: 'operation', response: failure });
      if (!continueOnError) break;
      continue;
    }
    service.commit();
    results.push({ kind: 'changeset', responses });
  }

  const { contentType, body } = serializeBatchResponse(results);
  const headers = new Headers({ 'Content-Type': contentType, 'OData-Version': '4.0' });
  if (continueOnError) headers.set('Preference-Applied', 'odata.continue-on-error');
  return new Response(body, { status: 200, headers });
}
