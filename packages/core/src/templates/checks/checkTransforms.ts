import { findUnprovidedTransform } from '../../mapping/index.js';
import { RUNNER_TRANSFORMS } from '../../runner/runnerTransforms.js';
import { taskInvalid, type TaskCheckContext } from './TaskCheckContext.js';

/** Every `Function` transform a mapping names is provided by the task or the runner. */
export function checkTransforms(context: TaskCheckContext): void {
  const { task } = context;
  const provided = new Set<string>([...RUNNER_TRANSFORMS, ...Object.keys(task.transforms ?? {})]);
  const missing = findUnprovidedTransform([task.sourceToCanonical, task.canonicalToDestination], (name) =>
    provided.has(name),
  );
  if (missing) {
    throw taskInvalid(
      context,
      missing.field.target,
      `${missing.mapping.name} uses transform '${missing.name}', which nothing provides; provided: ${[...provided].sort().join(', ')}`,
    );
  }
}
