/** A line's natural key: its document's number and its line number, `SO-1|1`; null when either is missing. */
export function lineKey(documentField: string): (record: Readonly<Record<string, unknown>>) => string | null {
  return (record) => {
    const document = record[documentField];
    const line = record['LineNumber'];
    if (typeof document !== 'string' || document.trim() === '') return null;
    if ((typeof line !== 'number' && typeof line !== 'string') || String(line).trim() === '') return null;
    return `${document.trim()}|${String(line).trim()}`;
  };
}
