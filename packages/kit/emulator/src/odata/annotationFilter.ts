/**
 * The `odata.include-annotations` preference as a predicate: `*`, exact names, `Ns.*`
 * wildcards, and `-name` exclusions (exclusions win), as OData v4 defines it.
 */
export function annotationFilter(preference: string | undefined): (annotation: string) => boolean {
  if (!preference) return () => false;
  const patterns = preference
    .split(',')
    .map((pattern) => pattern.trim())
    .filter((pattern) => pattern.length > 0);
  const matches = (pattern: string, annotation: string): boolean =>
    pattern === '*' ||
    pattern === annotation ||
    (pattern.endsWith('.*') && annotation.startsWith(pattern.slice(0, -1)));
  const includes = patterns.filter((pattern) => !pattern.startsWith('-'));
  const excludes = patterns.filter((pattern) => pattern.startsWith('-')).map((pattern) => pattern.slice(1));
  return (annotation) =>
    includes.some((pattern) => matches(pattern, annotation)) &&
    !excludes.some((pattern) => matches(pattern, annotation));
}
