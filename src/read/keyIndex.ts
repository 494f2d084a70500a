/**
 * The rows of one file by their key (one column or several), for the unique and foreign keys of
 * files of a million rows: built in one walk, which also finds every repeated key.
 *
 * Why not a Map of strings: a lookup in a large Map follows pointers to an entry, a row and its
 * string, each a cache miss in a large heap (docs/performance.md, "What made the difference").
 * Most keys here are short: statistical codes (digits) and ids such as `P12`. Such a key is turned
 * into one exact number (`encodeKey`) and kept in the table itself, so a lookup reads one slot and
 * nothing else.
 * Longer keys, and keys of several columns, are compared with the row they point to.
 */

export type Row = Readonly<Record<string, unknown>>;

/** A row whose key repeats an earlier row's, with that earlier row. */
export type RepeatedKey<R extends Row> = { row: R; first: R };

/** A key's text in a cell: keys are strings once coerced; a number is compared as it prints, an empty cell as "". */
export const keyText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' ? String(value) : '';

/**
 * A short key as one number that no other text has, or NaN. Up to 14 ASCII digits: 1 before them,
 * read as a decimal (the 1 keeps leading zeros: `007` and `7` differ); that stays below 2^53, where
 * every integer is exact. Up to 7 other ASCII characters: 7 bits each, negated so they never meet
 * the digits. Both are computed in one walk over the text.
 */
export function encodeKey(text: string): number {
  const length = text.length;
  if (length > 14) return Number.NaN;
  let decimal = 1;
  let ascii = 1;
  let digits = true;
  for (let i = 0; i < length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 127) return Number.NaN;
    if (digits && code >= 48 && code <= 57) decimal = decimal * 10 + (code - 48);
    else digits = false;
    ascii = ascii * 128 + code;
  }
  if (digits) return decimal;
  return length <= 7 ? -ascii : Number.NaN;
}

const hashNumber = (value: number): number => {
  // The low and high halves of the number, mixed: codes that differ in their last digits spread out.
  const low = value | 0;
  const high = (value / 4294967296) | 0;
  return Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b) ^ (low >>> 13);
};

// FNV-1a for keys that are not encoded.
function hashText(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  // A column boundary changes the hash, so ('ab', 'c') and ('a', 'bc') rarely collide.
  return Math.imul(h ^ 0xffff, 0x01000193);
}

const EMPTY = 0;

export class KeyIndex<R extends Row> {
  /*
   * One index that lives as long as the class keeps V8's hidden class for KeyIndex alive, so code
   * optimised for it survives from one run to the next in a long-running process such as
   * `npm run dev` (docs/performance.md, "What made the difference").
   */
  static readonly keepsItsShapeAlive: KeyIndex<Row> = new KeyIndex([], []);

  /** Rows whose key an earlier row already has, in row order. */
  readonly repeats: RepeatedKey<R>[] = [];
  /**
   * Per slot, side by side: the position + 1 of the first row with the key (0: empty) and the key,
   * encoded, or NaN where it could not be (then the row's own key is compared).
   */
  private readonly slots: number[];
  private readonly mask: number;
  private readonly encodedColumns = new Map<string, number[]>();

  constructor(
    private readonly rows: readonly R[],
    private readonly columns: readonly string[],
  ) {
    // At most half full, so a lookup rarely probes more than one or two slots.
    let size = 16;
    while (size < rows.length * 2) size *= 2;
    // A plain array of doubles, in the JS heap: V8 answers each large typed array with a full collection.
    this.slots = new Array<number>(size * 2).fill(0.5).fill(EMPTY);
    this.mask = size - 1;
    for (let position = 0; position < rows.length; position += 1) this.insert(position);
  }

  /** The first row whose key, of one column, is `text`. */
  find(text: string): R | undefined {
    const position = this.position(text);
    return position < 0 ? undefined : this.rows[position];
  }

  /** The position of the first row whose key, of one column, is `text`; -1 when there is none. */
  position(text: string): number {
    const encoded = encodeKey(text);
    const { slots, mask, rows } = this;
    if (!Number.isNaN(encoded)) {
      for (let at = hashNumber(encoded) & mask; ; at = (at + 1) & mask) {
        const slot = slots[2 * at]!;
        if (slot === EMPTY) return -1;
        if (slots[2 * at + 1] === encoded) return slot - 1;
      }
    }
    const column = this.columns[0]!;
    for (let at = hashText(0x811c9dc5, text) & mask; ; at = (at + 1) & mask) {
      const slot = slots[2 * at]!;
      if (slot === EMPTY) return -1;
      if (Number.isNaN(slots[2 * at + 1]!) && keyText(rows[slot - 1]![column]) === text) return slot - 1;
    }
  }

  /** The row at a position. */
  rowAt(position: number): R {
    return this.rows[position]!;
  }

  /**
   * Whether the row at `position` holds `text` in `column`. For rules about the row a key found:
   * the column is encoded for every row once, in order, so most answers need no read of the row.
   */
  holds(position: number, column: string, text: string): boolean {
    let encodedColumn = this.encodedColumns.get(column);
    if (encodedColumn === undefined) {
      encodedColumn = this.rows.map((row) => encodeKey(keyText(row[column])));
      this.encodedColumns.set(column, encodedColumn);
    }
    const theirs = encodedColumn[position]!;
    const ours = encodeKey(text);
    if (!Number.isNaN(theirs) && !Number.isNaN(ours)) return theirs === ours;
    return keyText(this.rows[position]![column]) === text;
  }

  private insert(position: number): void {
    const row = this.rows[position]!;
    const { slots, mask, columns } = this;
    // A key of one column is encoded when it is short; a key of several columns never is.
    const encoded = columns.length === 1 ? encodeKey(keyText(row[columns[0]!])) : Number.NaN;
    let hash: number;
    if (!Number.isNaN(encoded)) hash = hashNumber(encoded);
    else {
      hash = 0x811c9dc5;
      for (const column of columns) hash = hashText(hash, keyText(row[column]));
    }
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = slots[2 * at]!;
      if (slot === EMPTY) {
        slots[2 * at] = position + 1;
        slots[2 * at + 1] = encoded;
        return;
      }
      const key = slots[2 * at + 1]!;
      const same = Number.isNaN(encoded) ? Number.isNaN(key) && this.sameKey(row, this.rows[slot - 1]!) : key === encoded;
      if (same) {
        this.repeats.push({ row, first: this.rows[slot - 1]! });
        return;
      }
    }
  }

  private sameKey(a: R, b: R): boolean {
    for (const column of this.columns) if (keyText(a[column]) !== keyText(b[column])) return false;
    return true;
  }
}
