import { ConfigError } from '../errors/index.js';
import type { RunStatus, StateStore } from '../state/index.js';
import type { EntityTemplate } from '../templates/index.js';

/** A run that ended like this means the template's records are in the destination (all or some). */
const COMPLETED: ReadonlySet<RunStatus> = new Set(['Completed', 'Warning']);

/** Runs read per look at the history; grows tenfold while a full page holds no completed run. */
const FIRST_LOOK = 50;
/** Far beyond any history a store keeps (Data Integrator keeps 45 days); bounds the looking. */
const LAST_LOOK = 5_000_000;

/**
 * Refuses to run `template` while one of its preconditions outside `inProject` has never had a
 * run ending Completed or Warning (a ConfigError, code `PRECONDITION_NEVER_COMPLETED`, naming
 * each one and what to run first). Preconditions in `inProject` run before it in the same
 * project, so they are not looked at. Reads the state store only.
 */
export async function checkPreconditions(
  template: EntityTemplate,
  state: StateStore,
  inProject: ReadonlySet<string>,
): Promise<void> {
  const missing: string[] = [];
  for (const precondition of template.preconditions) {
    if (inProject.has(precondition)) continue;
    if (!(await hasCompleted(precondition, state))) missing.push(precondition);
  }
  if (missing.length === 0) return;
  const names = missing.map((id) => `'${id}'`).join(' and ');
  throw new ConfigError(
    `Template '${template.id}' cannot run yet: it needs ${names} to have run first, and ${missing.length === 1 ? 'it has' : 'they have'} never completed a run (Completed or Warning). Run ${names} first, or put ${missing.length === 1 ? 'it' : 'them'} in the same project before '${template.id}'.`,
    { code: 'PRECONDITION_NEVER_COMPLETED' },
  );
}

async function hasCompleted(templateId: string, state: StateStore): Promise<boolean> {
  // Newest first: a template that ran recently is settled by the first, short look.
  for (let limit = FIRST_LOOK; limit <= LAST_LOOK; limit *= 10) {
    const runs = await state.listRuns({ templateId, limit });
    if (runs.some((run) => COMPLETED.has(run.status))) return true;
    if (runs.length < limit) return false;
  }
  return false;
}
