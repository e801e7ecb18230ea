import { isBlank, type NamedTransform } from '@p2c/core';

const STREET_LINES = ['shipto_line1', 'shipto_line2', 'shipto_line3'] as const;

/** The Sales ship-to address columns the quote header reads. */
export const SHIP_TO_COLUMNS = [
  'shipto_name',
  ...STREET_LINES,
  'shipto_city',
  'shipto_stateorprovince',
  'shipto_postalcode',
  'shipto_country',
] as const;

/** F&O keeps a delivery address's street as one text of up to three lines; Sales keeps three columns. */
export const shipToStreet: NamedTransform = (_value, { record }) => {
  const lines = STREET_LINES.map((column) => record[column])
    .filter((line) => !isBlank(line))
    .map((line) => String(line).trim());
  return lines.length === 0 ? null : lines.join('\n');
};
