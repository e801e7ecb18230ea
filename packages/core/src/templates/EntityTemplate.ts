import type { z } from 'zod';
import type { EntityRef } from '../connectors/index.js';
import type { Mapping, NamedTransform } from '../mapping/index.js';
import type { NumberSequence } from './NumberSequence.js';
import type { ParentReference } from './ParentReference.js';
import type { ReferenceTable } from './ReferenceTable.js';
import type { TaskFilter } from './TaskFilter.js';

/** How a task treats its natural key (the Account Number of the accounts template). */
export interface NaturalKeyPolicy {
  /** The source field that holds the key (a dotted path). */
  sourceField: string;
  /**
   * For records whose key is made of several fields (a line: its order's number and its line
   * number): builds the key from the record; null when a part is missing.
   */
  compose?: (record: Readonly<Record<string, unknown>>) => string | null;
  /** What users call it, for messages: `account number`. */
  label: string;
  /**
   * Records without a key get one from this sequence, written back to the source before the
   * record is written anywhere. Without a sequence such records fail.
   */
  sequence?: NumberSequence;
  /** Records that share a key are not synced: each holder fails, naming the others. */
  rejectDuplicates: boolean;
}

/** The canonical (CDS) entity between the two legs, as a zod schema. */
export interface CanonicalEntity {
  name: string;
  schema: z.ZodType<Record<string, unknown>>;
}

/** One task of a template: one entity, one direction, matched on its natural key. */
export interface TaskDefinition {
  /** As Data Integrator names it: `Accounts - Account - Customers`. */
  id: string;
  source: { connector: string; ref: EntityRef };
  destination: { connector: string; ref: EntityRef };
  canonical: CanonicalEntity;
  sourceToCanonical: Mapping;
  canonicalToDestination: Mapping;
  /** Named transforms the mappings use, beyond those the runner provides (`LegalEntity`). */
  transforms?: Readonly<Record<string, NamedTransform>>;
  naturalKey: NaturalKeyPolicy;
  /** Rules a record must meet to be synced, by name; the configuration may change or add them. */
  filters?: Readonly<Record<string, TaskFilter>>;
  /** Parents in earlier tasks, found by natural key. */
  parents?: readonly ParentReference[];
  /** Tables read once per run for the transforms to look things up in, by name. */
  references?: Readonly<Record<string, ReferenceTable>>;
}

export interface EntityTemplate {
  /** Short id for the command line: `accounts`. */
  id: string;
  /** As Data Integrator names it: `Accounts (Sales to Fin and Ops)`. */
  name: string;
  description: string;
  /** Ids of the templates whose tasks must have run first. */
  preconditions: string[];
  tasks: TaskDefinition[];
}
