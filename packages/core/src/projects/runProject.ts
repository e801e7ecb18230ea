import type { RunSummary } from '../runner/index.js';
import type { StateStore } from '../state/index.js';
import type { EntityTemplate, TemplateRegistry } from '../templates/index.js';
import { checkPreconditions } from './checkPreconditions.js';
import { planProject } from './planProject.js';

/** What a project run did: `p2c run --project NAME --json` prints it. */
export interface ProjectRunResult {
  project: string;
  /** One summary per template that ran, in the order they ran. */
  runs: RunSummary[];
  /** Templates left out because an earlier one stopped on a fatal fault, in the order they would have run. */
  notRun: string[];
}

export interface RunProjectOptions {
  /** The project's name, as the result reports it. */
  project: string;
  /** The project's templates, in the order the project lists them. */
  templates: readonly EntityTemplate[];
  /** The installed templates, for preconditions outside the project. */
  registry: Pick<TemplateRegistry, 'list'>;
  /** Where preconditions outside the project are looked up (read only). */
  state: StateStore;
  /** Runs one template to its end; the caller owns the runner, its settings, progress and cancellation. */
  runTemplate(template: EntityTemplate): Promise<RunSummary>;
  /** Told as each template ends, before the next one starts. */
  onTemplateEnd?(summary: RunSummary, template: EntityTemplate): void;
}

/**
 * Runs a project's templates in an order that satisfies their preconditions (`planProject`),
 * stopping at the first one that stopped on a fatal fault (records that failed, even all of a
 * template's, do not stop it: the templates after it report what waits on them). Preconditions
 * outside the project are checked for every template before anything runs. Writes nothing to a
 * terminal: progress goes through `onTemplateEnd` and the result is returned.
 */
export async function runProject(options: RunProjectOptions): Promise<ProjectRunResult> {
  const order = planProject(options.templates, options.registry);
  const inProject = new Set(options.templates.map((template) => template.id));
  for (const template of order) await checkPreconditions(template, options.state, inProject);

  const result: ProjectRunResult = { project: options.project, runs: [], notRun: [] };
  for (const [index, template] of order.entries()) {
    const summary = await options.runTemplate(template);
    result.runs.push(summary);
    options.onTemplateEnd?.(summary, template);
    // A template that stopped (a fatal fault: authentication, a lost lock, bad configuration)
    // stops the project; one whose records all failed does not: their children report it.
    if (summary.message !== null) {
      result.notRun = order.slice(index + 1).map((t) => t.id);
      break;
    }
  }
  return result;
}
