import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ancestorAt, ancestorsOf, codeLengthsOf, countyOf, isLevel, isWithin, levelOf, parentOf, townOf,
} from '../../src/model/divisionCode.ts';

describe('division codes', () => {
  it('names levels by code length', () => {
    expect(['15', '1506', '150627', '150627101', '150627101225'].map(levelOf)).toEqual([
      'province', 'city', 'county', 'town', 'village',
    ]);
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

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|astro|mjs)$/.test(file))
    .map((file) => join(folder, file));
}

describe('division codes have one home', () => {
  it('no module outside src/model/divisionCode.ts cuts codes by level length or lists the lengths', () => {
    // The twins this module replaced: `code.slice(0, 9)` for a town, a table of lengths 2/4/6/9/12,
    // `code.length === 12` for a village, `code.startsWith(region)` for containment.
    const twins = [
      /[cC]ode[\w!?]*\.slice\(0, (2|4|6|9|12)\)/,
      /\[2, 4, 6/,
      /\{ ?2: '/,
      /[cC]ode\??\.length === (2|4|6|9|12)\b/,
      /[cC]ode[\w!?]*\.startsWith\(/,
      /\.startsWith\([\w.]*(region|Region|scope)/,
    ];
    const offenders = ['src', 'scripts', 'tests']
      .flatMap(sourceFiles)
      .filter((file) => !file.endsWith(join('model', 'divisionCode.ts')) && !file.endsWith('divisionCode.test.ts'))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return twins.filter((twin) => twin.test(text)).map((twin) => `${file} ${twin}`);
      });
    expect(offenders).toEqual([]);
  });
});
