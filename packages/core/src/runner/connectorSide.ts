import type { Connector, RecordDestination, RecordSource } from '../connectors/index.js';
import { ConfigError } from '../errors/index.js';
import type { TaskDefinition } from '../templates/index.js';

/** The task's source or destination on its connection; a connection that cannot be that side is a configuration error. */
export function connectorSide(connector: Connector, side: 'source', task: TaskDefinition): RecordSource;
export function connectorSide(connector: Connector, side: 'destination', task: TaskDefinition): RecordDestination;
export function connectorSide(
  connector: Connector,
  side: 'source' | 'destination',
  task: TaskDefinition,
): RecordSource | RecordDestination {
  const ref = side === 'source' ? task.source.ref : task.destination.ref;
  const made = side === 'source' ? connector.source?.(ref) : connector.destination?.(ref);
  if (!made) {
    throw new ConfigError(`Task '${task.id}': the ${connector.kind} connection cannot be a ${side} of ${ref.entity}`, {
      code: 'CONNECTOR_SIDE_MISSING',
    });
  }
  return made;
}
