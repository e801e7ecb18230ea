type Row = Readonly<Record<string, unknown>>;

const BIND = '@odata.bind';
/** `/transactioncurrencies(<guid>)`, with or without the leading slash or the service URL. */
const BOUND_ID = /\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)$/i;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The column a dry run reads to learn a written field's value: a lookup set with
 * `nav@odata.bind` reads back as `_nav_value`.
 */
export function columnFor(field: string): string {
  return field.endsWith(BIND) ? `_${field.slice(0, -BIND.length)}_value` : field;
}

/** Whether `existing` (as Dataverse returns it) already holds every value of `wanted`. */
export function holdsValues(existing: Row, wanted: Row): boolean {
  for (const [field, value] of Object.entries(wanted)) {
    if (value === undefined) continue;
    if (field.endsWith(BIND)) {
      if (!sameBinding(existing[columnFor(field)], value)) return false;
    } else if (!sameValue(existing[field], value)) {
      return false;
    }
  }
  return true;
}

function sameBinding(have: unknown, bind: unknown): boolean {
  if (bind === null) return have === null || have === undefined;
  // A binding by alternate key cannot be compared with the id read back: count it as a change.
  const id = typeof bind === 'string' ? BOUND_ID.exec(bind)?.[1] : undefined;
  return id !== undefined && typeof have === 'string' && have.toLowerCase() === id.toLowerCase();
}

/** Dataverse keeps no empty text: '' reads back as null. */
function normalize(value: unknown): unknown {
  return value === undefined || value === '' ? null : value;
}

function sameValue(existing: unknown, wanted: unknown): boolean {
  const have = normalize(existing);
  const want = normalize(wanted);
  if (have === null || want === null) return have === want;
  if (typeof have === 'number' || typeof want === 'number') return Number(have) === Number(want);
  if (typeof have === 'string' && typeof want === 'string') {
    if (ISO_DATE_TIME.test(have) && ISO_DATE_TIME.test(want)) return Date.parse(have) === Date.parse(want);
    return have === want;
  }
  if (typeof have === 'object' || typeof want === 'object') return JSON.stringify(have) === JSON.stringify(want);
  return have === want;
}
