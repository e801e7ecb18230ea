import { ConfigError } from '@p2c/core';

/** Every name a new template package is built from, derived from the one the user gives. */
export interface ScaffoldNames {
  /** Template id, as `p2c run` takes it: `projects`. */
  id: string;
  /** The npm package: `p2c-template-projects`. */
  packageName: string;
  /** `projects` as an identifier: `projects` (camel case for code). */
  camel: string;
  /** `Projects`: task id and the F&O entity set. */
  pascal: string;
  /** `Project`: one row. */
  singular: string;
  /** Dataverse entity set of the source table: `new_projects`. */
  salesSet: string;
  /** Its logical name: `new_project`. */
  salesLogical: string;
  /** F&O data entity set: `Projects`. */
  finopsSet: string;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Checks the name (`projects`, `service-orders`) and derives the rest; options override the defaults. */
export function scaffoldNames(
  name: string,
  options: { packageName?: string; salesSet?: string; finopsSet?: string } = {},
): ScaffoldNames {
  if (!NAME.test(name)) {
    throw new ConfigError(
      `'${name}' cannot name a template: use lower-case words joined by '-' (e.g. projects, service-orders)`,
      {
        code: 'SCAFFOLD_NAME_INVALID',
      },
    );
  }
  const words = name.split('-');
  const pascal = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  const singular = pascal.endsWith('ies')
    ? `${pascal.slice(0, -3)}y`
    : pascal.endsWith('s')
      ? pascal.slice(0, -1)
      : pascal;
  const salesSet = options.salesSet ?? `new_${words.join('')}`;
  return {
    id: name,
    packageName: options.packageName ?? `p2c-template-${name}`,
    camel: pascal.charAt(0).toLowerCase() + pascal.slice(1),
    pascal,
    singular,
    salesSet,
    salesLogical: salesSet.endsWith('ies')
      ? `${salesSet.slice(0, -3)}y`
      : salesSet.endsWith('s')
        ? salesSet.slice(0, -1)
        : salesSet,
    finopsSet: options.finopsSet ?? pascal,
  };
}
