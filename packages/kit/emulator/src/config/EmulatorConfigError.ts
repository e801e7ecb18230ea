/** Limits, faults or change-tracking settings that do not fit their schema; each problem names its field. */
export class EmulatorConfigError extends Error {
  override readonly name = 'EmulatorConfigError';

  constructor(
    message: string,
    readonly problems: readonly string[],
  ) {
    super(message);
  }
}
