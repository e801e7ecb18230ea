/**
 * A link the service gave (a next or delta link) as a path relative to the service root
 * (`accounts?$deltatoken=…`), so that a stored link survives another name for the same service:
 * a changed host name, port or alias in the connection's URL. Only the path is compared, never
 * the host: a relative link is always sent to the service the client is configured for.
 * Undefined when the link does not lie under the service's path (another API version, say).
 */
export function relativeServiceLink(link: string, serviceUrl: string): string | undefined {
  if (!/^https?:\/\//i.test(link)) return link.replace(/^\/+/, '');
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  const root = `${new URL(serviceUrl).pathname.replace(/\/+$/, '')}/`;
  // OData paths are case-insensitive on both services.
  if (!url.pathname.toLowerCase().startsWith(root.toLowerCase())) return undefined;
  return `${url.pathname.slice(root.length)}${url.search}`;
}
