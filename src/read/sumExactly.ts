/**
 * The exact sum of amounts in fen. Adding a million bigints makes a million new bigints for the
 * garbage collector; amounts below 2^52 fen (45 trillion yuan) are added as numbers instead, which
 * stays exact while the running total is below 2^53, and the total is moved into a bigint before it
 * gets there. Larger amounts are added as bigints. Either way the result is the exact sum.
 */
const LIMIT = 2 ** 52;
const BIG_LIMIT = BigInt(LIMIT);

export function sumExactly(amounts: Iterable<bigint>): bigint {
  let big = 0n;
  let small = 0;
  for (const amount of amounts) {
    if (amount < BIG_LIMIT && amount > -BIG_LIMIT) {
      small += Number(amount);
      if (small >= LIMIT || small <= -LIMIT) {
        big += BigInt(small);
        small = 0;
      }
    } else big += amount;
  }
  return big + BigInt(small);
}
