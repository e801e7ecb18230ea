import { z } from 'zod';

/** Change tracking of the Sales tables (only `accounts` is tracked). */
export const changeTrackingSchema = z.strictObject({
  /** Whether `accounts` has change tracking (default true); off, `Prefer: odata.track-changes` is ignored. */
  accounts: z.boolean().optional(),
  /** How long a delta token stays valid, by the emulator's clock (default 90 days). */
  retentionDays: z.number().positive().optional(),
  /** What an expired delta token gets: an error (default) or everything again with a new delta link. */
  expiredDeltaToken: z.enum(['error', 'full']).optional(),
});

export type ChangeTrackingOptions = z.input<typeof changeTrackingSchema>;

export interface ChangeTrackingSettings {
  readonly accounts: boolean;
  readonly retentionDays: number;
  readonly expiredDeltaToken: 'error' | 'full';
}

export const DEFAULT_CHANGE_TRACKING: ChangeTrackingSettings = {
  accounts: true,
  retentionDays: 90,
  expiredDeltaToken: 'error',
};

/** The settings with the given options applied on top (undefined values change nothing). */
export function mergeChangeTracking(
  base: ChangeTrackingSettings,
  options: ChangeTrackingOptions | undefined,
): ChangeTrackingSettings {
  return {
    accounts: options?.accounts ?? base.accounts,
    retentionDays: options?.retentionDays ?? base.retentionDays,
    expiredDeltaToken: options?.expiredDeltaToken ?? base.expiredDeltaToken,
  };
}
