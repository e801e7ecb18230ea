import { EmulatorConfigError } from '../config/EmulatorConfigError.js';
import type { DataverseAccount } from '../dataverse/DataverseAccount.js';
import { DataverseFault } from '../dataverse/DataverseFault.js';
import type { FinOpsCustomer } from '../finops/FinOpsCustomer.js';
import type { RequestCounts } from '../pipeline/RequestCounter.js';
import { EmulatorSeedError } from '../seed/parseEmulatorSeed.js';
import type { EmulatorSettings } from '../Emulator.js';

/** What the admin API can do to the emulator that serves it. */
export interface AdminOperations {
  health(): Record<string, unknown>;
  reset(seed: unknown): void;
  addSeed(seed: unknown): void;
  accounts(): DataverseAccount[];
  updateAccount(id: string, patch: Record<string, unknown>): DataverseAccount;
  customers(): FinOpsCustomer[];
  /** Rows of a declared F&O data entity set; undefined when no such set is declared. */
  finopsEntityRows(entitySet: string): Record<string, unknown>[] | undefined;
  deleteAccount(id: string): void;
  requestCounts(): RequestCounts;
  resetRequestCounts(): void;
  caPem(): string | undefined;
  settings(): EmulatorSettings;
  setLimits(value: unknown): void;
  setFaults(value: unknown): void;
  setChangeTracking(value: unknown): void;
  expireDeltaTokens(): void;
  /** Rows of a generic Sales table (contacts, quotes…); undefined for an unknown set. */
  salesTable(set: string): Record<string, unknown>[] | undefined;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

function problem(status: number, message: string, problems?: readonly string[]): Response {
  return json(status, problems ? { error: message, problems } : { error: message });
}

async function readBody(request: Request): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await request.text();
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * The admin API under `/_emulator` (no authentication, JSON): health, reset and seeding,
 * reading, changing and deleting rows as a user would, request counts, service protection
 * limits, fault injection, change tracking, and the server's CA certificate.
 */
export async function handleAdminRequest(request: Request, url: URL, admin: AdminOperations): Promise<Response> {
  const path = url.pathname.replace(/^\/_emulator\/?/, '').replace(/\/$/, '');
  const method = request.method.toUpperCase();
  try {
    if (path === 'health' && method === 'GET') return json(200, admin.health());
    if ((path === 'reset' || path === 'seed') && method === 'POST') {
      const body = await readBody(request);
      if (!body.ok) return problem(400, 'The body is not valid JSON.');
      if (path === 'reset') admin.reset(body.value);
      else if (body.value === undefined) return problem(400, 'POST /_emulator/seed needs a seed in the body.');
      else admin.addSeed(body.value);
      return json(200, admin.health());
    }
    if (path === 'sales/accounts' && method === 'GET') return json(200, admin.accounts());
    const account = /^sales\/accounts\/([^/]+)$/.exec(path);
    if (account?.[1] && method === 'PATCH') {
      const body = await readBody(request);
      if (!body.ok || typeof body.value !== 'object' || body.value === null || Array.isArray(body.value)) {
        return problem(400, 'The body must be a JSON object of account columns.');
      }
      return json(200, admin.updateAccount(decodeURIComponent(account[1]), body.value as Record<string, unknown>));
    }
    if (account?.[1] && method === 'DELETE') {
      admin.deleteAccount(decodeURIComponent(account[1]));
      return new Response(null, { status: 204 });
    }
    if (path === 'sales/delta-tokens/expire' && method === 'POST') {
      admin.expireDeltaTokens();
      return new Response(null, { status: 204 });
    }
    if (path === 'sales/change-tracking' && method === 'GET') return json(200, admin.settings().changeTracking);
    if (path === 'sales/change-tracking' && (method === 'PUT' || method === 'PATCH')) {
      const body = await readBody(request);
      if (!body.ok) return problem(400, 'The body is not valid JSON.');
      admin.setChangeTracking(body.value);
      return json(200, admin.settings().changeTracking);
    }
    if (path === 'limits' || path === 'faults') {
      const settings = (): unknown => (path === 'limits' ? admin.settings().limits : admin.settings().faults);
      if (method === 'GET') return json(200, settings());
      if (method === 'PUT' || method === 'DELETE') {
        const body = method === 'PUT' ? await readBody(request) : { ok: true as const, value: undefined };
        if (!body.ok) return problem(400, 'The body is not valid JSON.');
        if (path === 'limits') admin.setLimits(body.value);
        else admin.setFaults(body.value);
        return json(200, settings());
      }
    }
    const salesTable = /^sales\/tables\/([^/]+)$/.exec(path);
    if (salesTable?.[1] && method === 'GET') {
      const rows = admin.salesTable(decodeURIComponent(salesTable[1]));
      return rows ? json(200, { value: rows }) : problem(404, `No Sales table '${salesTable[1]}'.`);
    }
    if (path === 'finops/customers' && method === 'GET') return json(200, admin.customers());
    const finopsEntity = /^finops\/entities\/([^/]+)$/.exec(path);
    if (finopsEntity?.[1] && method === 'GET') {
      const rows = admin.finopsEntityRows(decodeURIComponent(finopsEntity[1]));
      if (!rows) return problem(404, `No F&O entity set ${decodeURIComponent(finopsEntity[1])} in the emulator.`);
      return json(200, { value: rows });
    }
    if (path === 'requests' && method === 'GET') return json(200, admin.requestCounts());
    if (path === 'requests' && method === 'DELETE') {
      admin.resetRequestCounts();
      return new Response(null, { status: 204 });
    }
    if (path === 'ca.pem' && method === 'GET') {
      const pem = admin.caPem();
      if (!pem)
        return problem(
          404,
          'This emulator is not served over HTTPS by startEmulatorServer, so it has no CA certificate.',
        );
      return new Response(pem, { status: 200, headers: { 'Content-Type': 'application/x-pem-file' } });
    }
    return problem(404, `No admin endpoint ${method} /_emulator/${path}.`);
  } catch (error) {
    if (error instanceof EmulatorSeedError)
      return problem(error.kind === 'conflict' ? 409 : 400, error.message, error.problems);
    if (error instanceof EmulatorConfigError) return problem(400, error.message, error.problems);
    if (error instanceof DataverseFault) return error.toResponse();
    throw error;
  }
}
