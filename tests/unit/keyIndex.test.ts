import fc from 'fast-check';
import { propertyRuns } from '../support/propertyRuns.ts';
import { describe, expect, it } from 'vitest';
import { encodeKey, KeyIndex } from '../../src/read/keyIndex.ts';

type Row = { row: number; a?: string; b?: string };

describe('KeyIndex', () => {
  it('finds the first row with a key and reports every later row with the same key', () => {
    const rows: Row[] = [
      { row: 2, a: 'x' },
      { row: 3, a: 'y' },
      { row: 4, a: 'x' },
      { row: 5, a: 'x' },
    ];
    const index = new KeyIndex(rows, ['a']);
    expect(index.find('x')).toBe(rows[0]);
    expect(index.find('y')).toBe(rows[1]);
    expect(index.find('z')).toBeUndefined();
    expect(index.repeats.map(({ row, first }) => [row.row, first.row])).toEqual([
      [4, 2],
      [5, 2],
    ]);
  });

  it('compares keys of several columns column by column, not as joined text', () => {
    const rows: Row[] = [
      { row: 2, a: 'ab', b: 'c' },
      { row: 3, a: 'a', b: 'bc' },
      { row: 4, a: 'ab', b: 'c' },
    ];
    expect(new KeyIndex(rows, ['a', 'b']).repeats.map(({ row }) => row.row)).toEqual([4]);
  });

  it('treats an empty cell as the empty key', () => {
    const rows: Row[] = [{ row: 2 }, { row: 3, a: '' }];
    expect(new KeyIndex(rows, ['a']).repeats.map(({ row }) => row.row)).toEqual([3]);
  });

  it('agrees with a Map on arbitrary keys, including colliding and non-ASCII ones', () => {
    const key = fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.stringMatching(/^[0-9]{0,16}$/),
      fc.stringMatching(/^[A-Za-z0-9_-]{5,9}$/),
      fc.constantFrom('高勒庙村', '150627101225', '0150627101225', '', '\u0000', 'P1', 'P01'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(key, key), { maxLength: 200 }), fc.array(key, { maxLength: 50 }), (pairs, probes) => {
        const rows = pairs.map(([a, b], i) => ({ row: i + 2, a, b }));
        const first = new Map<string, (typeof rows)[number]>();
        const repeats: number[] = [];
        for (const row of rows) {
          const joined = JSON.stringify([row.a, row.b]);
          if (first.has(joined)) repeats.push(row.row);
          else first.set(joined, row);
        }
        expect(new KeyIndex(rows, ['a', 'b']).repeats.map(({ row }) => row.row)).toEqual(repeats);

        const single = new KeyIndex(rows, ['a']);
        for (const probe of [...probes, ...pairs.map(([a]) => a)]) {
          expect(single.find(probe)).toBe(rows.find((row) => row.a === probe));
        }
      }),
      propertyRuns(300),
    );
  });
});

describe('encodeKey', () => {
  it.each<[string, number]>([
    ['', 1],
    ['7', 17],
    ['007', 1007],
    ['150627101225', 1150627101225],
    ['99999999999999', 199999999999999],
  ])('reads the digits %j as the number %d (a leading 1 keeps leading zeros apart)', (text, expected) => {
    expect(encodeKey(text)).toBe(expected);
  });

  it.each(['999999999999999', 'P1234567', '高勒庙村', 'é'])('leaves %j to be compared as text', (text) => {
    expect(encodeKey(text)).toBeNaN();
  });

  it('gives two texts the same number only when they are the same text', () => {
    const text = fc.oneof(fc.stringMatching(/^[0-9]{0,15}$/), fc.string({ maxLength: 8 }), fc.stringMatching(/^[ -~]{0,8}$/));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const [x, y] = [encodeKey(a), encodeKey(b)];
        if (!Number.isNaN(x) && !Number.isNaN(y)) expect(x === y).toBe(a === b);
        if (!Number.isNaN(x)) expect(Number.isSafeInteger(x)).toBe(true);
      }),
      propertyRuns(5000),
    );
  });
});
