import { ConfigError } from '@p2c/core';

/** Every name a new connector package is built from, derived from the kind the user gives. */
export interface ConnectorNames {
  /** The connector's kind, as templates and the config name it: `files`. */
  kind: string;
  /** The npm package: `p2c-connector-files`. */
  packageName: string;
  /** `files` as an identifier (camel case for code). */
  camel: string;
  /** `Files`: its classes' prefix. */
  pascal: string;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Checks the kind (`files`, `blob-store`) and derives the rest. */
export function connectorNames(kind: string, options: { packageName?: string } = {}): ConnectorNames {
  if (!NAME.test(kind)) {
    throw new ConfigError(
      `'${kind}' cannot name a connector: use lower-case words joined by '-' (e.g. files, blob-store)`,
      { code: 'SCAFFOLD_NAME_INVALID' },
    );
  }
  const pascal = kind
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  return {
    kind,
    packageName: options.packageName ?? `p2c-connector-${kind}`,
    camel: pascal.charAt(0).toLowerCase() + pascal.slice(1),
    pascal,
  };
}
