import { z } from 'zod';

/**
 * A task as another task names it, `<template id>/<task id>` (`accounts/Accounts - Account -
 * Customers`). The brand makes a hand-typed string a type error where a reference is wanted, so
 * references come from `taskRef` (or from the lists of refs templates export) and a misspelt one
 * is found where it is made, not at run time.
 */
// Declared as a named intersection (not `z.infer`) so declaration files that use it name
// `TaskRef` from @p2c/core instead of spelling out zod's brand, which would need zod.
export type TaskRef = string & z.$brand<'TaskRef'>;
export const taskRefSchema = z
  .string()
  .regex(/^[^/]+\/.+$/, 'a task reference is "<template id>/<task id>"')
  .brand<'TaskRef'>();

/** The reference to task `taskId` of template `templateId`. */
export function taskRef(templateId: string, taskId: string): TaskRef {
  if (templateId === '' || templateId.includes('/')) {
    throw new Error(`A template id in a task reference must be non-empty and hold no '/': '${templateId}'`);
  }
  if (taskId === '') throw new Error(`A task reference of template '${templateId}' needs a task id`);
  return `${templateId}/${taskId}` as TaskRef;
}
