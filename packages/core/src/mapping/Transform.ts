import { z } from 'zod';

/** A single field value as mappings move it: JSON scalars only. */
export type Scalar = string | number | boolean | null;
export const scalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * The transforms of Data Integrator, stored as JSON the same way
 * (`[{"transformType":"ValueMap","valueMap":{"Alabama":"AL"}}]`):
 * - `Default`: the value used when the input is blank.
 * - `ValueMap`: input -> output; the blank left side (`""`) is the default for blank or
 *   unmatched input. Without it an unmatched value fails the record, naming field and value.
 * - `Truncate`: cut text to the destination's length.
 * - `Function`: a named transform a template or the runner provides (`CountryRegionCode`).
 */
export const transformSchema = z.discriminatedUnion('transformType', [
  z.object({ transformType: z.literal('Default'), value: scalarSchema }),
  z.object({ transformType: z.literal('ValueMap'), valueMap: z.record(z.string(), scalarSchema) }),
  z.object({ transformType: z.literal('Truncate'), length: z.number().int().positive() }),
  z.object({ transformType: z.literal('Function'), name: z.string().min(1) }),
]);
export type Transform = z.infer<typeof transformSchema>;

/** A parent record a task looked up by natural key, and the task that synced it. */
export interface ResolvedParent {
  /** `<template id>/<task id>` of the task that synced the parent. */
  taskKey: string;
  key: string;
}

/** What the runner knows about the record being mapped, beyond its fields. */
export interface RecordContext {
  /** The record's natural key, when it has one. */
  key?: string | null;
  /** Parents found by natural key, by the name the task gave each reference. */
  parents?: Readonly<Record<string, ResolvedParent>>;
  /** Reference tables the task reads once per run (price lists, units), by name. */
  references?: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;
}

export interface TransformContext extends RecordContext {
  /** The target field being produced. */
  field: string;
  /** The whole input record, for transforms that look at more than one field. */
  record: Readonly<Record<string, unknown>>;
}

/** A named transform. Throws a RecordError naming the field and value it cannot handle. */
export type NamedTransform = (value: Scalar, context: TransformContext) => Scalar;

export function isBlank(value: unknown): value is null | undefined | '' {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}
