/**
 * The value at a dotted path (`quoteid.quotenumber`), or undefined. A whole key wins first:
 * OData annotations have dots in their names (`paymenttermscode@OData.Community.Display.V1.FormattedValue`).
 */
export function readPath(input: Readonly<Record<string, unknown>>, path: string): unknown {
  if (Object.hasOwn(input, path)) return input[path];
  let current: unknown = input;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
