/**
 * Orders exact decimal strings (`"26000000"`, `"1234.5"`, `""`) as numbers without turning them into
 * floats, so sorting a table by money is exact whatever the amount. Used by src/client/tableFilter.ts
 * on the `data-sort-value` of cells; an empty value (no amount) sorts before every number.
 */
export function compareDecimalText(a: string, b: string): number {
  const [aWhole = '', aFraction = ''] = a.trim().split('.');
  const [bWhole = '', bFraction = ''] = b.trim().split('.');
  const whole = (text: string) => text.replace(/^0+(?=\d)/, '');
  const x = whole(aWhole);
  const y = whole(bWhole);
  if (x.length !== y.length) return x.length - y.length;
  if (x !== y) return x < y ? -1 : 1;
  const width = Math.max(aFraction.length, bFraction.length);
  const p = aFraction.padEnd(width, '0');
  const q = bFraction.padEnd(width, '0');
  return p === q ? 0 : p < q ? -1 : 1;
}
