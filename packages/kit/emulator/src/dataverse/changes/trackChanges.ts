import { jsonResponse } from '../../http/jsonResponse.js';
import { buildQuery } from '../../odata/buildQuery.js';
import { ODataQueryError } from '../../odata/ODataQueryError.js';
import { parsePrefer, requestedPageSize } from '../../odata/parsePrefer.js';
import { contextFragment, type DataverseEntitySet } from '../DataverseEntitySet.js';
import { DataverseFault, dataverseFaults } from '../DataverseFault.js';
import { DATAVERSE_MAX_PAGE_SIZE, readShape } from '../queryDataverseCollection.js';
import type { ChangeLog } from './ChangeLog.js';
import type { ChangeTrackingSettings } from './changeTrackingSettings.js';
import { formatDeltaToken, parseDeltaToken } from './deltaToken.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Refused together with change tracking, as Dataverse does. */
const REFUSED = new Set(['$filter', '$orderby', '$expand', '$top']);
const ALLOWED = new Set(['$select', '$deltatoken', '$skiptoken', '$count', '$format']);

/**
 * Where a change-tracking read stands, carried from page to page in the paging cookie.
 * `anchor` is the table version when the read began: the next delta token starts there.
 */
type TrackingState =
  | { readonly mode: 'full'; readonly anchor: number; readonly issuedAt: number; readonly after?: string }
  | {
      readonly mode: 'delta';
      readonly from: number;
      readonly anchor: number;
      readonly issuedAt: number;
      readonly phase: 'changed' | 'deleted';
      readonly after: number;
    };

export const trackingFaults = {
  expiredToken: () =>
    new DataverseFault(
      400,
      '0x80044352',
      'Version stamp associated with the client has expired. Please perform a full sync.',
    ),
  invalidToken: (text: string) => new DataverseFault(400, '0x80060888', `The delta token '${text}' is not valid.`),
  notTracked: (entity: string) =>
    new DataverseFault(
      400,
      '0x80060888',
      `Change tracking is not enabled for the entity '${entity}'; a $deltatoken cannot be used with it.`,
    ),
  refused: (option: string) =>
    new DataverseFault(
      400,
      '0x80060888',
      `The query option '${option}' is not supported together with 'Prefer: odata.track-changes'.`,
    ),
};

/** The organisation's row versions and clock, shared by every table. */
export interface TrackingClock {
  nowMs(): number;
  /** The latest version handed out: the anchor of a delta token issued now. */
  currentVersion(): number;
  /** Delta tokens below this version are expired (by the admin API, or issued before a reset). */
  readonly minTokenVersion: number;
}

/** What a change-tracking read needs of one table. */
export interface TrackedTable<Row> {
  readonly set: DataverseEntitySet<Row>;
  /** Primary keys (lower-case) in key order. */
  keyOrder(): readonly string[];
  row(key: string): Row | undefined;
  versionOf(row: Row): number;
  readonly changes: ChangeLog;
}

/** Whether a GET of a collection asks for changes: the preference, a delta token or a tracking next link. */
export function asksForChanges(request: Request, url: URL): boolean {
  return (
    parsePrefer(request.headers.get('prefer')).has('odata.track-changes') ||
    url.searchParams.has('$deltatoken') ||
    isTrackingSkipToken(url.searchParams.get('$skiptoken'))
  );
}

/** A paging cookie written by a change-tracking read (`istracking="True"`). */
function isTrackingSkipToken(token: string | null): boolean {
  return token !== null && /istracking="True"/.test(token);
}

function writeCookie(page: number, state: TrackingState): string {
  return `<cookie pagenumber="${page}" pagingcookie="${encodeURIComponent(JSON.stringify(state))}" istracking="True" />`;
}

/** Whether a parsed paging cookie looks like a state `writeCookie` wrote (its mode and anchor). */
function isTrackingState(value: unknown): value is TrackingState {
  return (
    typeof value === 'object' &&
    value !== null &&
    'mode' in value &&
    (value.mode === 'full' || value.mode === 'delta') &&
    'anchor' in value &&
    typeof value.anchor === 'number'
  );
}

function readCookie(token: string): { page: number; state: TrackingState } {
  const page = /pagenumber="(\d+)"/.exec(token);
  const cookie = /pagingcookie="([^"]*)"/.exec(token);
  try {
    const state: unknown = JSON.parse(decodeURIComponent(cookie?.[1] ?? ''));
    if (page && isTrackingState(state)) return { page: Number(page[1]), state };
  } catch {
    // fall through to the refusal below
  }
  throw dataverseFaults.query(`The $skiptoken value '${token}' is not valid.`);
}

/** Index of the first element greater than `value` in an ascending array. */
function upperBound<T>(sorted: readonly T[], value: T): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as T) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function checkOptions(url: URL): void {
  for (const name of url.searchParams.keys()) {
    if (REFUSED.has(name)) throw trackingFaults.refused(name);
    if (name === '$skip') throw dataverseFaults.query('The query parameter $skip is not supported');
    if (name.startsWith('$') && !ALLOWED.has(name))
      throw dataverseFaults.query(`The query parameter '${name}' is not supported.`);
  }
}

/**
 * GET a tracked table with change tracking (`Prefer: odata.track-changes`, a `$deltatoken`, or a
 * tracking next link). Without a token: every row in primary-key order, page by page, and
 * `@odata.deltaLink` on the last page. With one: rows changed since it (current values), then
 * deleted ones as `$deletedEntity` entries, page by page, and a new delta link on the last page.
 */
export function trackChanges<Row>(
  request: Request,
  url: URL,
  table: TrackedTable<Row>,
  clock: TrackingClock,
  root: string,
  settings: ChangeTrackingSettings,
): Response {
  const { set } = table;
  checkOptions(url);
  let shape: ReturnType<typeof readShape>;
  try {
    shape = readShape(url, request, set);
  } catch (error) {
    if (error instanceof ODataQueryError) throw dataverseFaults.query(error.message);
    throw error;
  }
  const now = clock.nowMs();
  const retentionMs = settings.retentionDays * DAY_MS;
  const skipToken = url.searchParams.get('$skiptoken');
  const deltaText = url.searchParams.get('$deltatoken');
  const fresh = (): TrackingState => ({ mode: 'full', anchor: clock.currentVersion(), issuedAt: now });
  let state: TrackingState;
  let page = 1;
  if (skipToken !== null) {
    ({ page, state } = readCookie(skipToken));
  } else if (deltaText !== null) {
    const token = parseDeltaToken(deltaText);
    if (!token) throw trackingFaults.invalidToken(deltaText);
    const expired = token.version < clock.minTokenVersion || now - token.issuedAt > retentionMs;
    if (expired && settings.expiredDeltaToken === 'error') throw trackingFaults.expiredToken();
    state = expired
      ? fresh()
      : {
          mode: 'delta',
          from: token.version,
          anchor: clock.currentVersion(),
          issuedAt: now,
          phase: 'changed',
          after: token.version,
        };
  } else {
    state = fresh();
  }
  table.changes.forgetTombstonesBefore(now - retentionMs);

  const preferences = parsePrefer(request.headers.get('prefer'));
  const asked = requestedPageSize(preferences);
  const pageSize = asked !== undefined && asked <= DATAVERSE_MAX_PAGE_SIZE ? asked : DATAVERSE_MAX_PAGE_SIZE;
  const { value, next } =
    state.mode === 'full' ? fullPage(state, table, shape, pageSize) : deltaPage(state, table, shape, pageSize, root);

  const params = [...url.searchParams].filter(
    ([name]) => name !== '$skiptoken' && name !== '$deltatoken' && name !== '$count',
  );
  // Dataverse escapes the `!` of a delta token too (`919042%2108%2f22%2f2017…`).
  const link = (name: string, text: string): string =>
    `${url.origin}${url.pathname}?${buildQuery([...params, [name, text]]).replace(/!/g, '%21')}`;
  const fragment = contextFragment(set.name, shape.select, []);
  const body: Record<string, unknown> = {
    '@odata.context': `${root}$metadata#${fragment}${state.mode === 'delta' ? '/$delta' : ''}`,
  };
  if (next) body['@odata.nextLink'] = link('$skiptoken', writeCookie(page + 1, next));
  else
    body['@odata.deltaLink'] = link(
      '$deltatoken',
      formatDeltaToken({ version: state.anchor, issuedAt: state.issuedAt }),
    );
  body['value'] = value;

  const applied = ['odata.track-changes'];
  if (asked !== undefined && asked <= DATAVERSE_MAX_PAGE_SIZE) applied.push(`odata.maxpagesize=${asked}`);
  if (shape.annotationPreference !== undefined)
    applied.push(`odata.include-annotations="${shape.annotationPreference}"`);
  return jsonResponse(200, body, { 'Preference-Applied': applied.join(',') });
}

interface TrackedPage {
  readonly value: Record<string, unknown>[];
  /** Where the next page starts, or undefined on the last page. */
  readonly next: TrackingState | undefined;
}

function fullPage<Row>(
  state: Extract<TrackingState, { mode: 'full' }>,
  table: TrackedTable<Row>,
  shape: ReturnType<typeof readShape>,
  pageSize: number,
): TrackedPage {
  const ids = table.keyOrder();
  const start = state.after === undefined ? 0 : upperBound(ids, state.after);
  const chosen = ids.slice(start, start + pageSize);
  const value: Record<string, unknown>[] = [];
  for (const id of chosen) {
    const row = table.row(id);
    if (row) value.push(table.set.format(row, shape));
  }
  const last = chosen[chosen.length - 1];
  return { value, next: start + pageSize < ids.length && last !== undefined ? { ...state, after: last } : undefined };
}

function deltaPage<Row>(
  state: Extract<TrackingState, { mode: 'delta' }>,
  table: TrackedTable<Row>,
  shape: ReturnType<typeof readShape>,
  pageSize: number,
  root: string,
): TrackedPage {
  const { versions, keys: ids } = table.changes.entries();
  const value: Record<string, unknown>[] = [];
  let phase = state.phase;
  let after = state.after;
  for (;;) {
    let index = upperBound(versions, after);
    for (; index < versions.length && value.length < pageSize; index += 1) {
      const version = versions[index] ?? 0;
      if (version > state.anchor) break;
      const id = ids[index] ?? '';
      after = version;
      // A log entry counts only while it still describes the row (or its deletion).
      if (phase === 'changed') {
        const row = table.row(id);
        if (row && table.versionOf(row) === version) value.push(table.set.format(row, shape));
      } else if (table.changes.tombstone(id)?.version === version) {
        value.push({ '@odata.context': `${root}$metadata#${table.set.name}/$deletedEntity`, id, reason: 'deleted' });
      }
    }
    const rangeDone = index >= versions.length || (versions[index] ?? 0) > state.anchor;
    if (!rangeDone) return { value, next: { ...state, phase, after } };
    if (phase === 'deleted') return { value, next: undefined };
    phase = 'deleted';
    after = state.from;
    if (value.length >= pageSize) return { value, next: { ...state, phase, after } };
  }
}
