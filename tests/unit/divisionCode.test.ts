import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ancestorAt, ancestorsOf, codeLengthsOf, countyOf, indexWithin, isLevel, isWithin, levelOf, parentOf, townOf } from '../../src/model/divisionCode.ts';
import { propertyRuns } from '../support/propertyRuns.ts';

describe('division codes', () => {
  it('names levels by code length', () => {
    expect(['15', '1506', '150627', '150627101', '150627101225'].map(levelOf)).toEqual(['province', 'city', 'county', 'town', 'village']);
    expect(() => levelOf('1506271')).toThrow(/not a statistical division code/);
  });

  it('finds the enclosing places of a village', () => {
    expect(townOf('150627101225')).toBe('150627101');
    expect(countyOf('150627101225')).toBe('150627');
    expect(ancestorAt('150627101225', 'city')).toBe('1506');
    expect(() => townOf('150627')).toThrow();
    expect(parentOf('150627101225')).toBe('150627101');
    expect(parentOf('150627101')).toBe('150627');
    expect(parentOf('15')).toBeUndefined();
    expect(parentOf('1506271012')).toBeUndefined();
    expect(ancestorsOf('150627101225')).toEqual(['15', '1506', '150627', '150627101']);
    expect(ancestorsOf('150627')).toEqual(['15', '1506']);
  });

  it('tells levels and containment', () => {
    expect(isLevel('150627101', 'town')).toBe(true);
    expect(isLevel('150627101', 'village')).toBe(false);
    expect(isWithin('150627101225', '150627')).toBe(true);
    expect(isWithin('150627', '150627')).toBe(true);
    expect(isWithin('150628101225', '150627')).toBe(false);
    expect(codeLengthsOf('village')).toEqual([12]);
    expect(codeLengthsOf('province', 'city', 'county', 'town', 'village')).toEqual([2, 4, 6, 9, 12]);
  });
});

describe('indexWithin', () => {
  const rows = [
    { id: 1, code: '150627101225' },
    { id: 2, code: '150627102200' },
    { id: 3, code: '150627101' },
    { id: 4, code: '150626101201' },
    { id: 5, code: '150627101225' },
  ];
  const within = indexWithin(rows, (row) => row.code);

  it('finds the rows within a place of any level, in their order', () => {
    expect(within('15').map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    expect(within('150627').map((r) => r.id)).toEqual([1, 2, 3, 5]);
    expect(within('150627101').map((r) => r.id)).toEqual([1, 3, 5]);
    expect(within('150627101225').map((r) => r.id)).toEqual([1, 5]);
    expect(within('150627103')).toEqual([]);
    expect(within('150627')).toBe(within('150627'));
  });

  it('answers a string of no level by filtering', () => {
    expect(within('1506271').map((r) => r.id)).toEqual([1, 2, 3, 5]);
    expect(within('').map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it('agrees with filtering by isWithin for any rows and any code', () => {
    // Codes from few digits, so that rows share prefixes; of every length, levels or not.
    const code = fc.array(fc.constantFrom('1', '5', '0'), { maxLength: 13 }).map((digits) => digits.join(''));
    fc.assert(
      fc.property(fc.array(code, { maxLength: 40 }), fc.array(code, { maxLength: 20 }), (codes, asked) => {
        const rows = codes.map((code, id) => ({ id, code }));
        const within = indexWithin(rows, (row) => row.code);
        for (const place of [...asked, ...codes]) expect(within(place)).toEqual(rows.filter((row) => isWithin(row.code, place)));
      }),
      propertyRuns(200),
    );
  });
});
