/** One request inside a `$batch`, as written by the client. */
export interface BatchOperation {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: string;
  readonly contentId?: string;
}

export type BatchEntry =
  | { readonly kind: 'operation'; readonly operation: BatchOperation }
  | { readonly kind: 'changeset'; readonly operations: readonly BatchOperation[] };

export function operationCount(entries: readonly BatchEntry[]): number {
  return entries.reduce((sum, entry) => sum + (entry.kind === 'operation' ? 1 : entry.operations.length), 0);
}
