import { z } from 'zod';
import type { Logger } from '../logging/Logger.js';
import type { Redactor } from '../logging/Redactor.js';
import type { Connector } from './Connector.js';

/** The sides of a transfer a connector can take. */
export const CONNECTOR_OFFERS = ['source', 'destination'] as const;
export type ConnectorOffer = (typeof CONNECTOR_OFFERS)[number];

/** What a connector's factory gets from the host (the CLI, the test kit): never read from globals. */
export interface ConnectorContext {
  /** Where the connection's settings are, for messages: `connections.sales`. */
  readonly path: string;
  /** The folder relative paths in the settings are taken from (the config file's). */
  readonly baseDir: string;
  /**
   * The secret held by the environment variable `variable`, registered with the redactor. A
   * variable that is not set is a ConfigError naming `<path>.<field>`.
   */
  readSecret(variable: string, field: string): string;
  readonly redactor: Redactor;
  readonly logger: Logger;
}

/**
 * A connector is a descriptor plus a class: the descriptor says what kind of system it reaches,
 * what its connection settings and entity options look like, what it offers and which core it
 * was built for; `create` builds the class from checked settings.
 */
export interface ConnectorDescriptor<Settings = unknown> {
  /** How templates and the config name it: `dataverse`, `finops`, `files`. */
  readonly kind: string;
  /** The core API range it was built for, e.g. `^0.2.0`. */
  readonly coreApi: string;
  readonly offers: readonly ConnectorOffer[];
  /** The connection's settings as the config writes them (the config's `kind` is not among them). */
  readonly connectionSchema: z.ZodType<Settings>;
  /** What a task's `source.ref.options` may hold. */
  readonly sourceOptionsSchema?: z.ZodType;
  /** What a task's `destination.ref.options` may hold. */
  readonly destinationOptionsSchema?: z.ZodType;
  /** The columns (names and types) of the entities it knows, by entity set name. */
  readonly entities?: Readonly<Record<string, z.ZodObject>>;
  /** The environment variables holding its secrets, so the host can redact them before use. */
  secretVariables?(settings: Settings): readonly string[];
  create(settings: Settings, context: ConnectorContext): Connector;
}

/** Types a descriptor's `create` and `secretVariables` by its connection schema. */
export function defineConnector<S extends z.ZodType>(
  descriptor: ConnectorDescriptor<z.output<S>> & { readonly connectionSchema: S },
): ConnectorDescriptor<z.output<S>> {
  return descriptor;
}

const functionNamed = (expected: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', { error: `expected ${expected}` });

const schemaLike = z.custom<z.ZodType>(
  (value) =>
    typeof value === 'object' && value !== null && typeof (value as { safeParse?: unknown }).safeParse === 'function',
  { error: 'expected a zod schema' },
);

/** What a descriptor must hold, checked as it registers (a plugin may be written in JavaScript). */
export const connectorDescriptorSchema = z
  .object({
    kind: z
      .string({ error: 'expected the kind, e.g. files' })
      .regex(/^[a-z][a-z0-9-]*$/, { error: 'expected lower-case letters, digits and -, e.g. files' }),
    coreApi: z
      .string({ error: "expected the core API range it was built for, e.g. '^0.2.0'" })
      .regex(/^\^?\d+\.\d+\.\d+$/, { error: "expected a range like '^0.2.0'" }),
    offers: z
      .array(z.enum(CONNECTOR_OFFERS, { error: "expected 'source' or 'destination'" }), {
        error: "expected a list of 'source', 'destination'",
      })
      .min(1, { error: "must offer 'source', 'destination' or both" }),
    connectionSchema: schemaLike,
    sourceOptionsSchema: schemaLike.optional(),
    destinationOptionsSchema: schemaLike.optional(),
    entities: z.record(z.string(), schemaLike, { error: 'expected entity set name -> zod object' }).optional(),
    secretVariables: functionNamed('a function').optional(),
    create: functionNamed('a function (settings, context) => Connector'),
  })
  .loose();
