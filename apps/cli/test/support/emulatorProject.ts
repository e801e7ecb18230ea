import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_CREDENTIALS,
  startEmulatorServer,
  type EmulatorSeed,
  type EmulatorServer,
  type EmulatorServerOptions,
} from '@p2c/emulator';
import { starterConfig } from '../../src/config/starterConfig.js';

/** The emulator's test secrets, as `p2c init --emulator` tells a user to export them. */
export const EMULATOR_SECRETS = {
  P2C_SALES_CLIENT_SECRET: DEFAULT_CREDENTIALS.clientSecret,
  P2C_FINOPS_CLIENT_SECRET: DEFAULT_CREDENTIALS.clientSecret,
};

/**
 * A p2c project in `dir` against an emulator served over HTTPS in this process: the emulator's
 * CA saved beside the config, and the starter config pointing both connections at it, followed
 * by `extraConfig` (projects, settings); `server` sets its faults or limits. Close the server
 * after the test.
 */
export async function emulatorProject(
  dir: string,
  seed: EmulatorSeed,
  extraConfig = '',
  server: Omit<EmulatorServerOptions, 'seed'> = {},
): Promise<EmulatorServer> {
  const started = await startEmulatorServer({ ...server, seed });
  mkdirSync(join(dir, '.p2c'), { recursive: true });
  writeFileSync(join(dir, '.p2c', 'emulator-ca.pem'), started.caPem);
  const config = starterConfig({
    salesUrl: started.url,
    finopsUrl: started.url,
    tenantId: DEFAULT_CREDENTIALS.tenantId,
    clientId: DEFAULT_CREDENTIALS.clientId,
    authorityHost: started.url,
    ca: './.p2c/emulator-ca.pem',
  });
  writeFileSync(join(dir, 'p2c.config.yaml'), extraConfig ? `${config}\n${extraConfig}` : config);
  return started;
}
