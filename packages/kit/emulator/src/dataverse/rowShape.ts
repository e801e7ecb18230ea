import type { ExpandItem } from '../odata/parseExpand.js';

export const FORMATTED_VALUE = 'OData.Community.Display.V1.FormattedValue';
export const LOOKUP_LOGICAL_NAME = 'Microsoft.Dynamics.CRM.lookuplogicalname';
export const ASSOCIATED_NAVIGATION_PROPERTY = 'Microsoft.Dynamics.CRM.associatednavigationproperty';

/** What a read asked for: the columns, the expanded lookups and the annotations. */
export interface RowShape {
  readonly select?: readonly string[] | undefined;
  readonly expand: readonly ExpandItem[];
  readonly annotations: (annotation: string) => boolean;
}

export function etagOf(version: number): string {
  return `W/"${version}"`;
}
