import { z } from 'zod';

/**
 * Change tracking of the Sales tables. In Dataverse "Track changes" is a per-table admin
 * setting; here each table declares its default (see the README) and these options override it.
 */
export const changeTrackingSchema = z.strictObject({
  /** Whether `accounts` has change tracking (default true); off, `Prefer: odata.track-changes` is ignored. */
  accounts: z.boolean().optional(),
  /** Change tracking by entity set name (`contacts`, `quotes`…), over the table's default. */
  tables: z.record(z.string().min(1), z.boolean()).optional(),
  /** How long a delta token stays valid, by the emulator's clock (default 90 days). */
  retentionDays: z.number().positive().optional(),
  /** What an expired delta token gets: an error (default) or everything again with a new delta link. */
  expiredDeltaToken: z.enum(['error', 'full']).optional(),
});

export type ChangeTrackingOptions = z.input<typeof changeTrackingSchema>;

export interface ChangeTrackingSettings {
  readonly accounts: boolean;
  /** Per-table overrides of the tables' defaults (accounts is `accounts` above). */
  readonly tables: Readonly<Record<string, boolean>>;
  readonly retentionDays: number;
  readonly expiredDeltaToken: 'error' | 'full';
}

export const DEFAULT_CHANGE_TRACKING: ChangeTrackingSettings = {
  accounts: true,
  tables: {},
  retentionDays: 90,
  expiredDeltaToken: 'error',
};

/** The settings with the given options applied on top (undefined values change nothing). */
export function mergeChangeTracking(
  base: ChangeTrackingSettings,
  options: ChangeTrackingOptions | undefined,
): ChangeTrackingSettings {
  const { accounts: accountsOverride, ...tables } = { ...base.tables, ...options?.tables };
  return {
    accounts: options?.accounts ?? accountsOverride ?? base.accounts,
    tables,
    retentionDays: options?.retentionDays ?? base.retentionDays,
    expiredDeltaToken: options?.expiredDeltaToken ?? base.expiredDeltaToken,
  };
}

/** Whether a table is tracked now: its override, else its declared default. */
export function isTracked(settings: ChangeTrackingSettings, set: string, byDefault: boolean): boolean {
  if (set === 'accounts') return settings.accounts;
  return settings.tables[set] ?? byDefault;
}
