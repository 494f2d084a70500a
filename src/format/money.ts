/**
 * The exact text of a count of hundredths (fen of a yuan, or hundredths of a reported figure) and its
 * inverse: the one form used by the published CSV files, table sort keys, the map payload, messages
 * and the reconciliation. Trailing zeros are dropped ("1234.5"), the shortest text that is still exact.
 */

const HUNDRED = 100n;

/**
 * 15000000000n → "150000000", 123450n → "1234.5", 5n → "0.05", -123450n → "-1234.5"; a figure that
 * could not be computed (undefined) is "—" in messages.
 */
export function formatHundredths(value: bigint | undefined): string {
  if (value === undefined) return '—';
  const sign = value < 0n ? '-' : '';
  const magnitude = value < 0n ? -value : value;
  const fraction = (magnitude % HUNDRED).toString().padStart(2, '0').replace(/0+$/, '');
  return `${sign}${magnitude / HUNDRED}${fraction === '' ? '' : `.${fraction}`}`;
}

/** The inverse of formatHundredths: "1234.5" → 123450n. Throws on any other text (this is not a cell parser). */
export function parseHundredthsText(text: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (match === null) throw new RangeError(`Not an exact amount in hundredths: ${text}`);
  const value = BigInt(match[2]!) * HUNDRED + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -value : value;
}
