import { describe, expect, it } from 'vitest';
import { ancestorAt, ancestorsOf, codeLengthsOf, countyOf, isLevel, isWithin, levelOf, parentOf, townOf } from '../../src/model/divisionCode.ts';

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
