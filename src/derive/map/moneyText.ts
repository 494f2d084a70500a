/**
 * Money as exact decimal text for the map payload: JSON has no bigint, and a float would not be exact.
 */

/** Fen → exact decimal yuan: 260000000n → "2600000", 123450n → "1234.5". */
export function fenToYuanString(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const magnitude = fen < 0n ? -fen : fen;
  const fraction = (magnitude % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${sign}${magnitude / 100n}${fraction === '' ? '' : `.${fraction}`}`;
}

/** The inverse of fenToYuanString. */
export function yuanStringToFen(yuan: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(yuan);
  if (match === null) throw new RangeError(`Not a yuan amount: ${yuan}`);
  const fen = BigInt(match[2]!) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -fen : fen;
}
