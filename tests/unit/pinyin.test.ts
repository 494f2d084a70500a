import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Place } from '../../src/derive/aggregate.ts';
import { buildSearchIndex } from '../../src/derive/searchIndex.ts';
import { READING_OVERRIDES } from '../../src/format/pinyin.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const toneless = (syllable: string): string => syllable.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

describe('one reading for names and search', () => {
  // A village whose proper name is the overridden character (or word) followed by 拉 (la): English `Dula Village`,
  // so the search keys must start with `dula` and `dl`, not with pinyin-pro's everyday reading.
  test.each(Object.entries(READING_OVERRIDES))('%s is read as %s in the English name and the search keys', (character, reading) => {
    const village: Place = {
      code: '150627101299',
      name: `${character}拉村`,
      nameEn: undefined,
      parentCode: undefined,
      level: 'village',
      ancestorCodes: [],
      childCodes: [],
      villageCodes: [],
      village: undefined,
    };
    const [entry] = buildSearchIndex([village], new Map(), (path) => ({ zh: path, en: `/en${path}` }));
    const syllables = toneless(reading).split(' ');
    const proper = entry!.e.split(' ')[0]!;
    expect(proper.toLowerCase()).toBe(`${syllables.join('')}la`);
    expect(entry!.p).toBe(`${proper.toLowerCase().replace(/'/g, '')}cun`);
    expect(entry!.i).toBe(`${syllables.map((s) => s[0]).join('')}lc`);
  });
});

describe('pinyin-pro', () => {
  test('is imported by one module only, src/format/pinyin.ts, which registers the reading overrides', () => {
    const importers = ['src', 'scripts']
      .flatMap((folder) => readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' }).map((name) => join(ROOT, folder, name)))
      .filter((path) => /\.(ts|mts|js|mjs|astro)$/.test(path))
      .filter((path) => /from\s+['"]pinyin-pro['"]|import\(\s*['"]pinyin-pro['"]/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(ROOT, path));
    expect(importers).toEqual(['src/format/pinyin.ts']);
  });
});
