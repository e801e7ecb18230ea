type Align = 'left' | 'right';

export interface Column {
  header: string;
  align?: Align;
  /** Longer cells are cut with an ellipsis. */
  maxWidth?: number;
}

/** A plain text table: a header row, a rule, then the rows; columns two spaces apart. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const cells = rows.map((row) => columns.map((column, i) => clip(row[i] ?? '', column.maxWidth)));
  const sized = columns.map((column, i) => ({
    column,
    width: Math.max(column.header.length, ...cells.map((row) => (row[i] ?? '').length)),
  }));
  // Every line has a cell per column (the header, the rule and the clipped rows are made so).
  const line = (row: readonly string[]) =>
    sized
      .map(({ column, width }, i) => {
        const cell = row[i] ?? '';
        return column.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  // The last column may hold long text; its rule stops at a modest width.
  const rule = sized.map(({ column, width }, i) =>
    '-'.repeat(i === sized.length - 1 ? Math.min(width, Math.max(column.header.length, 40)) : width),
  );
  return [line(columns.map((c) => c.header)), line(rule), ...cells.map(line)].join('\n') + '\n';
}

/** Label / value pairs, labels padded to one width. */
export function renderPairs(pairs: readonly (readonly [string, string])[]): string {
  const width = Math.max(0, ...pairs.map(([label]) => label.length));
  return pairs.map(([label, value]) => `${label.padEnd(width)}  ${value}`.trimEnd()).join('\n') + '\n';
}

function clip(text: string, max: number | undefined): string {
  const flat = text.replace(/\s+/g, ' ');
  if (max === undefined || flat.length <= max) return flat;
  return `${flat.slice(0, Math.max(0, max - 1))}…`;
}
