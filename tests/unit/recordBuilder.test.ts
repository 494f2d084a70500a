import { describe, expect, it } from 'vitest';
import { makeRecordBuilder, plainRecordBuilder } from '../../src/read/recordBuilder.ts';

describe('makeRecordBuilder', () => {
  it('makes a record with the row and every field in order, undefined where a value is missing', () => {
    const build = makeRecordBuilder(['village_code', 'amount_yuan', 'note']);
    const record = build(7, ['150627101225', 260_000_000n, undefined]);
    expect(record).toEqual({ row: 7, village_code: '150627101225', amount_yuan: 260_000_000n });
    expect(Object.keys(record)).toEqual(['row', 'village_code', 'amount_yuan', 'note']);
  });

  it('copies the values, so the array can be reused for the next row', () => {
    const build = makeRecordBuilder(['a']);
    const values: unknown[] = ['first'];
    const first = build(2, values);
    values[0] = 'second';
    expect(first.a).toBe('first');
    expect(build(3, values).a).toBe('second');
  });

  it('writes field names as strings, whatever characters they hold', () => {
    const name = `a"}; throw new Error("x"); ({"`;
    expect(makeRecordBuilder([name])(2, ['v'])[name]).toBe('v');
  });
});

describe('plainRecordBuilder (for a page, whose CSP forbids new Function)', () => {
  it('makes the same records as the compiled builder, fields in the same order', () => {
    const keys = ['village_code', 'amount_yuan', 'note'];
    const values = ['150627101225', 260_000_000n, undefined];
    const plain = plainRecordBuilder(keys)(7, values);
    expect(plain).toEqual(makeRecordBuilder(keys)(7, values));
    expect(Object.keys(plain)).toEqual(['row', ...keys]);
  });
});
