import { z } from 'zod';

const templateId = z.string().min(1);

/**
 * A template that must have run first, only if the project uses it ("Accounts (Sales to Fin
 * and Ops) (if used)"): it applies when it is in the project being run or has ever had a run.
 */
export const ifUsedPreconditionSchema = z.strictObject({
  template: templateId,
  ifUsed: z.literal(true),
});
export type IfUsedPrecondition = z.infer<typeof ifUsedPreconditionSchema>;

/**
 * At least one of these templates must have completed a run, or run before in the same
 * project: a quote needs its customers from Accounts or from Contacts to Customer.
 */
export const anyOfPreconditionSchema = z.strictObject({
  anyOf: z.array(templateId).min(1),
  /** What they provide, for messages: `customers`. */
  provides: z.string().min(1).optional(),
});
export type AnyOfPrecondition = z.infer<typeof anyOfPreconditionSchema>;

/**
 * What must have run before a template: a template id (it must have completed a run, or run
 * before in the same project), a template needed only if used, or one of several templates.
 */
export const preconditionSchema = z.union([templateId, ifUsedPreconditionSchema, anyOfPreconditionSchema], {
  error: () =>
    "expected a template id, { template: '<id>', ifUsed: true } or { anyOf: ['<id>', '<id>', ...], provides?: '<what>' }",
});
export type Precondition = z.infer<typeof preconditionSchema>;

/** Every template a precondition names: a project runs each of them first when it holds them. */
export function templatesOf(precondition: Precondition): string[] {
  if (typeof precondition === 'string') return [precondition];
  if ('anyOf' in precondition) return [...precondition.anyOf];
  return [precondition.template];
}

/** Every template the preconditions name, once each, in the order they name them. */
export function preconditionTemplates(preconditions: readonly Precondition[]): string[] {
  return [...new Set(preconditions.flatMap(templatesOf))];
}

/** A precondition as `p2c templates` shows it: `accounts`, `accounts (if used)`, `one of accounts, contact-to-customer`. */
export function describePrecondition(precondition: Precondition, name: (id: string) => string = (id) => id): string {
  if (typeof precondition === 'string') return name(precondition);
  if ('anyOf' in precondition) {
    const what = precondition.provides ? ` (${precondition.provides})` : '';
    return `one of ${precondition.anyOf.map(name).join(' or ')}${what}`;
  }
  return `${name(precondition.template)} (if used)`;
}
