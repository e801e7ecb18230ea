import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Emulator } from '../Emulator.js';
import type { ChangeTrackingOptions } from '../dataverse/changes/changeTrackingSettings.js';
import type { FaultOptions } from '../faults/faultOptions.js';
import type { EmulatorLimits } from '../protection/serviceLimits.js';
import type { EmulatorSeed } from '../seed/emulatorSeedSchema.js';
import { checkAdminAccess, isLoopbackHost, newAdminToken } from './adminAccess.js';
import { registerCaPem } from './certificateRegistry.js';
import { generateCertificate } from './generateCertificate.js';
import { sendFetchResponse, toFetchRequest } from './nodeAdapter.js';

export interface EmulatorServerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /**
   * Defaults to 127.0.0.1. Any other than a loopback address (`0.0.0.0`, a LAN address) lets
   * other machines in, so the admin API then needs `adminToken`.
   */
  readonly host?: string;
  /** The admin API's token off loopback (a random one when absent); ignored on loopback. */
  readonly adminToken?: string;
  /** Seed for a new emulator (ignored when `emulator` is given). */
  readonly seed?: EmulatorSeed;
  /** Serve an existing emulator instead of creating one. */
  readonly emulator?: Emulator;
  /** Certificate and key (PEM); without them a self-signed one is generated. */
  readonly tls?: { readonly cert: string; readonly key: string };
  /** Service protection limits (also on a given `emulator`); absent: none, or the emulator's own. */
  readonly limits?: EmulatorLimits;
  /** Fault injection (also on a given `emulator`); `reset` destroys the socket, `timeout` holds it. */
  readonly faults?: FaultOptions;
  /** Change tracking settings (also on a given `emulator`). */
  readonly changeTracking?: ChangeTrackingOptions;
}

export interface EmulatorServer {
  /**
   * `https://127.0.0.1:PORT`: the origin of all services (routing is by path), as this machine
   * reaches it (127.0.0.1 for a server on every interface).
   */
  readonly url: string;
  /** Where it listens: `0.0.0.0:8443`, `[::]:8443`, `127.0.0.1:8443`. */
  readonly listening: string;
  /** True when only this machine can reach it (127.0.0.0/8, ::1, localhost). */
  readonly loopback: boolean;
  /** The token the admin API needs (`Authorization: Bearer …`); undefined on loopback, where it needs none. */
  readonly adminToken: string | undefined;
  /** The certificate to trust (pass it as `ca`). */
  readonly caPem: string;
  readonly emulator: Emulator;
  close(): Promise<void>;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Serves an emulator over HTTPS: Dataverse, F&O, the token endpoint and the admin API on one origin. */
export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const configuration = {
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.changeTracking ? { changeTracking: options.changeTracking } : {}),
  };
  const emulator = options.emulator ?? new Emulator(options.seed, configuration);
  if (options.emulator) {
    if (options.limits) emulator.setLimits(options.limits);
    if (options.faults) emulator.setFaults(options.faults);
    if (options.changeTracking) emulator.setChangeTracking(options.changeTracking);
  }
  const tls = options.tls ?? (await generateCertificate());
  const host = options.host ?? '127.0.0.1';
  const loopback = isLoopbackHost(host);
  const adminToken = loopback ? undefined : (options.adminToken ?? newAdminToken());
  registerCaPem(emulator, tls.cert);

  const server = createServer({ cert: tls.cert, key: tls.key }, (message, response) => {
    const fallbackHost = `${urlHost(host)}:${(server.address() as AddressInfo).port}`;
    // The client hanging up (or the server closing) ends a request held by a `timeout` fault.
    const hangUp = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) hangUp.abort();
    });
    toFetchRequest(message, fallbackHost, hangUp.signal)
      .then((request) => checkAdminAccess(request, new URL(request.url), adminToken) ?? emulator.handle(request))
      .then((answer) => {
        // Response.error() is how the emulator says "drop the connection" (a `reset` fault).
        if (answer.type === 'error') {
          message.socket.destroy();
          return;
        }
        return sendFetchResponse(answer, response);
      })
      .catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(error instanceof Error ? error.message : 'Emulator failure');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://${urlHost(host)}:${port}`,
    listening: `${host.includes(':') ? `[${host}]` : host}:${port}`,
    loopback,
    adminToken,
    caPem: tls.cert,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
