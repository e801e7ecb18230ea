import { DataverseFault } from '../DataverseFault.js';

const payloadPrefix = (set: string): string =>
  `Error identified in Payload provided by the user for Entity :'${set}', For more information on this error please follow this help link https://go.microsoft.com/fwlink/?linkid=2195293  ----> InnerException : `;

/** Dataverse errors for the generic tables: the same codes as the account ones, naming the table. */
export const tableFaults = {
  payload: (set: string, inner: string) => new DataverseFault(400, '0x80048d19', payloadPrefix(set) + inner),
  typeMismatch: (set: string, column: string, expected: string) =>
    new DataverseFault(
      400,
      '0x80048d19',
      `${payloadPrefix(set)}Microsoft.OData.ODataException: Cannot convert the value of '${column}' to the expected type '${expected}'.`,
    ),
  maxLength: (logical: string, column: string, maxLength: number) =>
    new DataverseFault(
      400,
      '0x80044331',
      `A validation error occurred. The length of the '${column}' attribute of the '${logical}' entity exceeded the maximum allowed length of '${maxLength}'.`,
    ),
  required: (logical: string, column: string) =>
    new DataverseFault(
      400,
      '0x80044331',
      `A validation error occurred. The '${column}' attribute of the '${logical}' entity is required and cannot be empty.`,
    ),
  /** A column or lookup whose IsValidForCreate is False, set on a create. */
  notValidForCreate: (logical: string, column: string) =>
    new DataverseFault(
      400,
      '0x80040203',
      `The '${column}' attribute of the '${logical}' entity is not valid for create; set it by an update after the record is created.`,
    ),
  /** A product's default unit outside its unit group (the wording Sales gives, see the products template README). */
  unitNotInSchedule: () =>
    new DataverseFault(400, '0x80040203', 'The unit does not exist in the specified unit schedule.'),
  outOfRange: (logical: string, column: string, value: number, accepted?: readonly number[]) =>
    new DataverseFault(
      400,
      '0x8004431a',
      `A validation error occurred. The value ${value} of '${column}' on record of type '${logical}' is outside the valid range.` +
        (accepted ? ` Accepted Values: ${accepted.join(',')}` : ''),
    ),
  recordNotFound: (logical: string, id: string) =>
    new DataverseFault(404, '0x80040217', `${logical} With Id = ${id} Does Not Exist`),
  keyNotFound: (logical: string, key?: string) =>
    new DataverseFault(
      404,
      '0x80060891',
      `A record with the specified key values does not exist in ${logical} entity${key === undefined ? '' : ` (${key})`}`,
    ),
  badBind: (set: string, navigation: string, value: string, expected: string) =>
    new DataverseFault(
      400,
      '0x80048d19',
      `${payloadPrefix(set)}Microsoft.OData.ODataException: The value '${value}' of '${navigation}@odata.bind' is not a valid entity reference; expected ${expected}.`,
    ),
  duplicateKey: (
    logical: string,
    columns: readonly string[],
    labels?: { readonly attribute: string; readonly key: string },
  ) =>
    new DataverseFault(
      412,
      '0x80060892',
      labels
        ? `A record that has the attribute values ${labels.attribute} already exists. The entity key ${labels.key} requires that this set of attributes contains unique values. Select unique values and try again.`
        : `A record that has the attribute values ${columns.join(', ')} already exists. The entity key on '${logical}' requires that this set of attributes contains unique values. Select unique values and try again.`,
    ),
  ambiguousKey: (logical: string, column: string, key: string, count: number) =>
    new DataverseFault(
      400,
      '0x80060892',
      `The alternate key ${key} matches ${count} ${logical} records. An alternate key needs unique values: real Dataverse could not have activated the key '${column}' while these duplicates exist.`,
    ),
  duplicateRecord: () => new DataverseFault(412, '0x80040237', 'A record with matching key values already exists.'),
  undefinedKey: (logical: string, names: string) =>
    new DataverseFault(
      400,
      '0x80060888',
      `The key '${names}' is not defined as an alternate key for the entity '${logical}'.`,
    ),
  badKey: (raw: string) =>
    new DataverseFault(
      400,
      '0x80060888',
      `Bad Request - Error in query syntax. The key segment '(${raw})' is not valid.`,
    ),
  closedRecord: (logical: string, state: string) =>
    new DataverseFault(
      400,
      '0x80040203',
      `The ${logical} is ${state} and cannot be updated: a closed ${logical} is read-only.`,
    ),
};
