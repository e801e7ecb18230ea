/** Where the emulated services live by default (msw intercepts these origins). */
export const DEFAULT_URLS = {
  salesUrl: 'https://p2c-demo.crm.dynamics.com',
  finopsUrl: 'https://p2c-demo.operations.dynamics.com',
  loginUrl: 'https://login.microsoftonline.com',
} as const satisfies Record<'salesUrl' | 'finopsUrl' | 'loginUrl', string>;

/** The tenant and app registration a fresh emulator accepts (fixed, for tests and the demo). */
export const DEFAULT_CREDENTIALS = {
  tenantId: '3d1f6b2a-7c4e-4f0a-9b8d-5e2c1a0f9e77',
  clientId: '8e5a2c7d-1b3f-4a6e-9c0d-2f4b6d8a0c19',
  clientSecret: 'p2c-emulator-secret',
} as const satisfies Record<'tenantId' | 'clientId' | 'clientSecret', string>;

/** Where a caller puts the services: any URL for each, not only the defaults. */
export type EmulatorUrls = Record<keyof typeof DEFAULT_URLS, string>;
