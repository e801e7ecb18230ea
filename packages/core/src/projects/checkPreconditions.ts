import { ConfigError } from '../errors/index.js';
import type { RunStatus, StateStore } from '../state/index.js';
import type { AnyOfPrecondition, EntityTemplate } from '../templates/index.js';

/** A run that ended like this means the template's records are in the destination (all or some). */
const COMPLETED: ReadonlySet<RunStatus> = new Set(['Completed', 'Warning']);

/** Runs read per look at the history; grows tenfold while a full page holds no completed run. */
const FIRST_LOOK = 50;
/** Far beyond any history a store keeps (Data Integrator keeps 45 days); bounds the looking. */
const LAST_LOOK = 5_000_000;

/**
 * Refuses to run `template` while one of its preconditions outside `inProject` is unmet, before
 * anything runs (a ConfigError naming each one and what to run first). Preconditions in
 * `inProject` run before it in the same project, so they are not looked at. Reads the state
 * store only.
 * - A template id: it must have had a run ending Completed or Warning
 *   (`PRECONDITION_NEVER_COMPLETED`).
 * - `{ template, ifUsed: true }`: the same, but only once the template is used: in the project,
 *   or with any run in the history. One never run is not used, and asks nothing.
 * - `{ anyOf }`: one of them in the project or with a completed run (`PRECONDITION_NONE_COMPLETED`
 *   when none is, and no other precondition is unmet).
 */
export async function checkPreconditions(
  template: EntityTemplate,
  state: StateStore,
  inProject: ReadonlySet<string>,
): Promise<void> {
  const required: string[] = [];
  const used: string[] = [];
  const noneOf: AnyOfPrecondition[] = [];
  for (const precondition of template.preconditions) {
    if (typeof precondition === 'string') {
      if (!inProject.has(precondition) && !(await hasCompleted(precondition, state))) required.push(precondition);
    } else if ('anyOf' in precondition) {
      if (!(await anyMet(precondition.anyOf, state, inProject))) noneOf.push(precondition);
    } else {
      const id = precondition.template;
      if (!inProject.has(id) && (await hasRun(id, state)) && !(await hasCompleted(id, state))) used.push(id);
    }
  }
  const sentences: string[] = [];
  const missing = [...required, ...used];
  if (missing.length > 0) sentences.push(neverCompleted(template.id, missing, used));
  for (const precondition of noneOf) sentences.push(noneCompleted(template.id, precondition));
  if (sentences.length === 0) return;
  throw new ConfigError(sentences.join(' '), {
    code: missing.length > 0 ? 'PRECONDITION_NEVER_COMPLETED' : 'PRECONDITION_NONE_COMPLETED',
  });
}

function neverCompleted(templateId: string, missing: readonly string[], used: readonly string[]): string {
  const names = quoted(missing, ' and ');
  const one = missing.length === 1;
  const message = `Template '${templateId}' cannot run yet: it needs ${names} to have run first, and ${one ? 'it has' : 'they have'} never completed a run (Completed or Warning). Run ${names} first, or put ${one ? 'it' : 'them'} in the same project before '${templateId}'.`;
  if (used.length === 0) return message;
  // Why a precondition marked "if used" applies here: the history shows it in use.
  const usedOne = used.length === 1;
  return `${message} ${quoted(used, ' and ')} ${usedOne ? 'is' : 'are'} needed only if used, and ${usedOne ? 'it is' : 'they are'}: ${usedOne ? 'it has' : 'they have'} runs, none of them Completed or Warning.`;
}

function noneCompleted(templateId: string, precondition: AnyOfPrecondition): string {
  const names = quoted(precondition.anyOf, ' or ');
  const what = precondition.provides ? ` (for its ${precondition.provides})` : '';
  return `Template '${templateId}' cannot run yet: it needs one of ${names} to have run first${what}, and none of them has ever completed a run (Completed or Warning). Run one of ${names} first, or put one of them in the same project before '${templateId}'.`;
}

const quoted = (ids: readonly string[], last: string): string => {
  const names = ids.map((id) => `'${id}'`);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')}${last}${names.at(-1) ?? ''}`;
};

async function anyMet(ids: readonly string[], state: StateStore, inProject: ReadonlySet<string>): Promise<boolean> {
  if (ids.some((id) => inProject.has(id))) return true;
  for (const id of ids) if (await hasCompleted(id, state)) return true;
  return false;
}

/** Any run at all, whatever it ended in: the template is in use. */
async function hasRun(templateId: string, state: StateStore): Promise<boolean> {
  return (await state.listRuns({ templateId, limit: 1 })).length > 0;
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
