/**
 * Text laid out in terminal columns, for the command line's tables and reports. A CJK character
 * takes two columns in a terminal; string-width knows which characters do (and that colour codes
 * and combining marks take none).
 */
import stringWidth from 'string-width';

/** `text` padded with spaces to `columns` terminal columns, on the right (`left` aligned) or the left. */
export function padToColumns(text: string, columns: number, align: 'left' | 'right' = 'left'): string {
  const padding = ' '.repeat(Math.max(0, columns - stringWidth(text)));
  return align === 'left' ? text + padding : padding + text;
}

/**
 * A table as lines: the header, a rule of dashes, then the rows, columns two spaces apart and each as
 * wide as its widest cell. The first `leftAligned` columns (names) are aligned left, the rest (figures)
 * right.
 */
export function layOutTable(header: readonly string[], rows: readonly (readonly string[])[], leftAligned = 0): string[] {
  const widths = header.map((title, i) => Math.max(stringWidth(title), ...rows.map((row) => stringWidth(row[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    widths.map((width, i) => padToColumns(cells[i] ?? '', width, i < leftAligned ? 'left' : 'right')).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)];
}
