import type { z } from 'zod';

/** `['sales', 'accounts', 3, 'name']` -> `sales.accounts[3].name` */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    const name = String(segment);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

/** One zod issue as `path: message`, without zod's "Invalid input: " prefix. */
export function describeIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): string {
  const path = formatIssuePath([...prefix, ...issue.path]);
  // zod words a type mismatch "Invalid input: expected string, received number".
  const message = issue.message.replace(/^Invalid input: /, '');
  return path === '' ? message : `${path}: ${message}`;
}
