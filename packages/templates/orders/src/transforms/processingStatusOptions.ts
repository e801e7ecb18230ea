import { salesOrderProcessingStatuses } from '@p2c/cds';

/** The first option value of Sales's order processing status (`Draft`). */
const FIRST_OPTION = 192_350_000;

/**
 * F&O processing status → Sales `msdyn_processingstatus` option value, the default value map of
 * the field: Draft 192350000, Active 192350001, … Cancelled 192350011.
 */
export const PROCESSING_STATUS_OPTIONS: Readonly<Record<string, number>> = Object.fromEntries(
  salesOrderProcessingStatuses.map((status, index) => [status, FIRST_OPTION + index]),
);
