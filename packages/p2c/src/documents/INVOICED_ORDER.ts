/**
 * What a Sales order shows once it is invoiced: processing status Invoiced (the option F&O's
 * Invoiced status maps to), state Invoiced, status reason Invoiced. The invoices template sets
 * it on the order when the order's invoice has been synced.
 */
export const INVOICED_ORDER = { msdyn_processingstatus: 192_350_004, statecode: 4, statuscode: 100_003 } as const;
