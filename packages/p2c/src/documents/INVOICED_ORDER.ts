/**
 * What a Sales order shows once it is invoiced: processing status Invoiced (the option F&O's
 * Invoiced status maps to). Its state stays Active: Microsoft's orders document keeps orders
 * Active "to ensure that changes from Finance and Operations can flow", and an order in state
 * Invoiced is read-only in Sales. The invoices template sets it when the order's invoice syncs.
 */
export const INVOICED_ORDER = { msdyn_processingstatus: 192_350_004 } as const;
