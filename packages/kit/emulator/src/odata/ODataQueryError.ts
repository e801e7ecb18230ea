/**
 * A query option or key segment the OData layer refuses. The message is the one Microsoft's
 * OData library produces, so each service can wrap it in its own error envelope.
 */
export class ODataQueryError extends Error {
  override readonly name = 'ODataQueryError';
}
