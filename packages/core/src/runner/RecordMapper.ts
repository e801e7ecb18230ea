import { ConfigError, RecordError } from '../errors/index.js';
import {
  applyMapping,
  findUnprovidedTransform,
  withOverrides,
  type Mapping,
  type MappedRecord,
  type NamedTransform,
  type RecordContext,
} from '../mapping/index.js';
import type { TaskDefinition } from '../templates/index.js';
import { runnerTransforms } from './runnerTransforms.js';
import type { TaskSettings } from './RunOptions.js';

export type MapOutcome = { ok: true; row: MappedRecord } | { ok: false; error: RecordError };

/**
 * Both legs of a task for one record: Source > CDS, the canonical schema's check, then
 * CDS > Destination. Pure; built once per task with the configuration's overrides.
 */
export class RecordMapper {
  readonly #toCanonical: Mapping;
  readonly #toDestination: Mapping;
  readonly #transforms: Readonly<Record<string, NamedTransform>>;

  constructor(
    private readonly task: TaskDefinition,
    settings: Pick<TaskSettings, 'defaults' | 'valueMaps'>,
    organizations: Readonly<Record<string, string>>,
    where: string,
  ) {
    const [toCanonical, toDestination] = withOverrides(
      [task.sourceToCanonical, task.canonicalToDestination],
      settings,
      where,
    );
    if (!toCanonical || !toDestination) {
      throw new Error(`Task '${task.id}': withOverrides gave back fewer mappings than the two it was given`);
    }
    this.#toCanonical = toCanonical;
    this.#toDestination = toDestination;
    this.#transforms = { ...runnerTransforms(organizations), ...task.transforms };
    // A transform nothing provides is the template's fault: say so before any record is read.
    const missing = findUnprovidedTransform([toCanonical, toDestination], (name) =>
      Object.hasOwn(this.#transforms, name),
    );
    if (missing) {
      throw new ConfigError(
        `Task '${task.id}': ${missing.mapping.name} maps ${missing.field.target} with transform '${missing.name}', which nothing provides`,
        { code: 'UNKNOWN_TRANSFORM' },
      );
    }
  }

  /** `about` is what the runner knows of the record beyond its fields (key, parents, reference tables). */
  map(source: Readonly<Record<string, unknown>>, about: RecordContext = {}): MapOutcome {
    const canonical = applyMapping(this.#toCanonical, source, this.#transforms, about);
    if (!canonical.ok) return { ok: false, error: combine(canonical.errors) };
    const checked = this.task.canonical.schema.safeParse(canonical.value);
    if (!checked.success) {
      const issues = checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      return {
        ok: false,
        error: new RecordError(`${this.task.canonical.name} is not valid: ${issues.join('; ')}`, {
          code: 'CANONICAL_INVALID',
          field: checked.error.issues[0]?.path.join('.'),
        }),
      };
    }
    const destination = applyMapping(this.#toDestination, checked.data, this.#transforms, about);
    if (!destination.ok) return { ok: false, error: combine(destination.errors) };
    return { ok: true, row: destination.value };
  }
}

function combine(errors: RecordError[]): RecordError {
  const [first] = errors;
  if (!first) throw new Error('A mapping failed without saying why (no RecordError)');
  if (errors.length === 1) return first;
  return new RecordError(errors.map((e) => e.message).join('; '), {
    code: first.code,
    field: first.field,
    value: first.value,
  });
}
