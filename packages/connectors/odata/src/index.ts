export type {
  ConcurrencyLimits,
  FetchLike,
  ODataClientOptions,
  ODataClientStats,
  ODataPage,
  ODataResponse,
  RetryPolicy,
  TokenProvider,
} from './client/ODataClientOptions.js';
export { DEFAULT_CONCURRENCY, DEFAULT_RETRY_POLICY } from './client/ODataClientOptions.js';
export { ODataClient } from './client/ODataClient.js';
export { relativeServiceLink } from './client/relativeServiceLink.js';

export type { QueryOptions } from './query/QueryOptions.js';
export { buildQueryString } from './query/buildQueryString.js';

export { guid, type Guid } from './keys/Guid.js';
export { formatKeyLiteral, type KeyValue } from './keys/formatKeyLiteral.js';
export { formatEntityKey, type EntityKey } from './keys/formatEntityKey.js';

export { ODataError, kindForStatus, type ODataErrorKind, type ODataErrorOptions } from './errors/ODataError.js';

export type { BatchItemResult, BatchPart, BatchRequest, DecodedBatchItem } from './batch/BatchPart.js';
export { encodeBatch } from './batch/encodeBatch.js';
export { decodeBatchResponse } from './batch/decodeBatchResponse.js';

export { createEntraTokenProvider, type EntraTokenProviderOptions } from './auth/createEntraTokenProvider.js';
export { createTrustedFetch } from './http/createTrustedFetch.js';

export { odataConnectionSchema, type ODataConnectionSettings } from './connection/odataConnectionSchema.js';
export { createConnectionClient } from './connection/createConnectionClient.js';
