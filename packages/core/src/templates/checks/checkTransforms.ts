import { taskInvalid, type TaskCheckContext } from './TaskCheckContext.js';

/** The transforms the runner gives every task (`RecordMapper`), beyond the task's own. */
export const RUNNER_TRANSFORMS: readonly string[] = ['LegalEntity'];

/** Every `Function` transform a mapping names is provided by the task or the runner. */
export function checkTransforms(context: TaskCheckContext): void {
  const { task } = context;
  const provided = new Set([...RUNNER_TRANSFORMS, ...Object.keys(task.transforms ?? {})]);
  for (const mapping of [task.sourceToCanonical, task.canonicalToDestination]) {
    for (const field of mapping.fields) {
      for (const transform of field.transforms ?? []) {
        if (transform.transformType === 'Function' && !provided.has(transform.name)) {
          throw taskInvalid(
            context,
            field.target,
            `${mapping.name} uses transform '${transform.name}', which nothing provides; provided: ${[...provided].sort().join(', ')}`,
          );
        }
      }
    }
  }
}
