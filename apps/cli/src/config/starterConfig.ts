import { FIRST_PARTY_PLUGINS } from '../plugins/firstPartyPlugins.js';
/** What `p2c init` fills in; the defaults are Microsoft's placeholders. */
export interface StarterConfigOptions {
  salesUrl: string;
  finopsUrl: string;
  tenantId: string;
  clientId: string;
  /** Set for the emulator: its token endpoint lives on its own origin. */
  authorityHost?: string;
  /** Relative to the config file. */
  ca?: string;
}

const PLACEHOLDER_STARTER: StarterConfigOptions = {
  salesUrl: 'https://contoso.crm.dynamics.com',
  finopsUrl: 'https://contoso.operations.dynamics.com',
  tenantId: '00000000-0000-0000-0000-000000000000',
  clientId: '00000000-0000-0000-0000-000000000000',
};

export const SECRET_ENV = { sales: 'P2C_SALES_CLIENT_SECRET', finops: 'P2C_FINOPS_CLIENT_SECRET' } as const;
const CONNECTOR_KIND = { sales: 'dataverse', finops: 'finops' } as const;

/** The commented starter `p2c.config.yaml`. */
export function starterConfig(options: StarterConfigOptions = PLACEHOLDER_STARTER): string {
  const authority = options.authorityHost
    ? `    authorityHost: ${options.authorityHost}`
    : '    # authorityHost: https://login.microsoftonline.com   # optional: another Entra ID cloud';
  const ca = options.ca
    ? `    ca: ${options.ca}   # trust this CA for this connection only`
    : '    # ca: ./my-proxy-ca.pem   # optional: trust this CA (PEM) for this connection only';
  const connection = (name: 'sales' | 'finops', url: string, comment: string) =>
    [
      `  ${name}:   # ${comment}`,
      `    kind: ${CONNECTOR_KIND[name]}   # the connector that reaches it (a connector plugin adds its own kind)`,
      `    url: ${url}`,
      `    tenantId: ${options.tenantId}`,
      `    clientId: ${options.clientId}`,
      `    # The secret itself only ever comes from the environment: this names the variable.`,
      `    clientSecretEnv: ${SECRET_ENV[name]}`,
      authority,
      ca,
    ].join('\n');

  return `# p2c configuration. Reference: p2c --help, and the README of @p2c/cli.
# Relative paths are resolved against the folder of this file.

# state: where p2c keeps runs, checkpoints, the hashes of what it wrote and number sequences.
state:
  sqlite: ./.p2c/state.db

# connections: the two systems, reached as an application user (OAuth 2.0 client credentials
# against Microsoft Entra ID; the scope is <url>/.default).
connections:
${connection('sales', options.salesUrl, 'Dynamics 365 Sales (Dataverse)')}
${connection('finops', options.finopsUrl, 'Finance and Operations')}

# organizations: CDS organization id -> F&O legal entity (dataAreaId). Records of an
# organization that is not listed here fail with a message naming it.
organizations:
  ORG001: usmf

# plugins: the template plugins to load, by npm package name (installed next to this file, or
# shipped with p2c) or by a path relative to this file; a plugin with options takes them as
# { package: NAME, options: {...} }. Without this list, p2c loads the Prospect to cash set below.
plugins:
${FIRST_PARTY_PLUGINS.map((name) => `  - "${name}"`).join('\n')}

# templates: settings per template and task ('p2c templates' lists them). A task that is not
# listed runs with pageSize 5000, batchSize 100 and the template's own defaults.
templates:
  accounts:
    tasks:
      "Accounts - Account - Customers":
        pageSize: 5000      # records read per page (1-5000)
        batchSize: 100      # records per write request to F&O (1-1000)
        # defaults: the value used when the source field is blank (by destination field).
        defaults:
          CustomerGroupId: "10"   # must be a customer group that exists in the legal entity
        # valueMaps: Sales value (as Sales shows it) -> F&O value; a "" entry catches blank or
        # unmatched input. Without it an unmatched value fails the record, naming the field and
        # value. PaymentTerms, DeliveryTerms (from freight terms) and DeliveryMode (from shipping
        # method) are only mapped once you give them a value map, e.g.:
        # valueMaps:
        #   PaymentTerms:
        #     "Net 30": Net30
        #     "Net 60": Net60
  # Sales requires a price list on an order and an invoice: currency -> the Sales price list's
  # name. Without a map, USD orders and invoices take "CRM Service USA (sample)" (Microsoft's
  # template default); an order or invoice in a currency the map does not list fails, naming it.
  # orders:
  #   tasks:
  #     OrderHeader:
  #       valueMaps:
  #         "pricelevelid@odata.bind":
  #           USD: "CRM Service USA (sample)"
  #           GBP: "Standard GBP"
  # invoices:
  #   tasks:
  #     SalesInvoiceHeader:
  #       valueMaps:
  #         "pricelevelid@odata.bind":
  #           USD: "CRM Service USA (sample)"

# projects: named, ordered lists of templates, run together with 'p2c run --project NAME'. Each
# template runs after the templates it needs (its preconditions, 'p2c templates' shows them).
# projects:
#   prospect-to-cash:
#     templates: [accounts, contacts, contact-to-customer, products, quotes, orders, invoices]
`;
}
