import type { RecordDestination } from '../../connectors/index.js';
import { ConfigError } from '../../errors/index.js';
import type { OnKeyChange, TaskDefinition } from '../../templates/index.js';

/**
 * The task's choice for a record whose key changed (the configuration's over the template's,
 * `report` when neither says), refused before the run starts when it is `rename` and the
 * destination cannot rename a key: nothing is written by a run that could not honour it.
 */
export function checkKeyChangePolicy(
  task: TaskDefinition,
  configured: OnKeyChange | undefined,
  destination: Pick<RecordDestination, 'renameKey'>,
): OnKeyChange {
  const onKeyChange = configured ?? task.naturalKey.onKeyChange ?? 'report';
  if (onKeyChange === 'rename' && destination.renameKey === undefined) {
    const { connector, ref } = task.destination;
    throw new ConfigError(
      `Task '${task.id}': onKeyChange: 'rename' needs a destination that can rename a key; ${connector} ${ref.entity} cannot (use 'report', and rename the record in ${connector} itself)`,
      { code: 'KEY_RENAME_UNSUPPORTED' },
    );
  }
  return onKeyChange;
}
