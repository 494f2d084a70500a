import { describe, expect, test } from 'vitest';
import { foldQuery, matchSearch, type SearchEntry } from '../../src/client/matchSearch.ts';
import { buildSearchIndex } from '../../src/derive/searchIndex.ts';
import { barePlace } from '../support/barePlace.ts';

const place = barePlace;

const PLACES = [
  place('150627', '伊金霍洛旗', undefined, 'Ejin Horo Banner'),
  place('150627101', '札萨克镇', '150627'),
  place('150627101225', '高勒庙村', '150627101'),
  place('150627101212', '给勒登庙嘎查', '150627101'),
  place('150627102200', '<img src=x onerror=alert(1)>村', '150627101'),
  place('150627104200', '苏布尔嘎村', '150627101'),
];
const byCode = new Map(PLACES.map((p) => [p.code, p]));
const address = (path: string) => ({ zh: path, en: `/en${path}` });
const index = buildSearchIndex(PLACES, byCode, address);
const codes = (hits: SearchEntry[]) => hits.map((hit) => hit.c);

describe('buildSearchIndex', () => {
  test('holds pinyin without tones, initials, the English name, the page and the parent', () => {
    expect(index[2]).toEqual({
      c: '150627101225',
      n: '高勒庙村',
      e: 'Gaolemiao Village',
      p: 'gaolemiaocun',
      i: 'glmc',
      u: '/villages/150627101225/',
      h: '/en/villages/150627101225/',
      t: '札萨克镇',
      te: 'Zhasake Town',
    });
  });

  test('uses the English name staff typed', () => {
    expect(index[0]!.e).toBe('Ejin Horo Banner');
    expect(index[0]!.t).toBe('');
  });

  test('keeps a hostile name as plain text and drops it from the pinyin keys', () => {
    expect(index[4]!.n).toBe('<img src=x onerror=alert(1)>村');
    expect(index[4]!.p).toBe('cun');
  });
});

describe('matchSearch', () => {
  test.each([
    ['高勒庙', '150627101225'],
    ['gaolemiao', '150627101225'],
    ['Gao Le Miao', '150627101225'],
    ['glmc', '150627101225'],
    ['150627101225', '150627101225'],
    ['subuerga', '150627104200'],
    ["Subu'erga", '150627104200'],
    ['ejin horo', '150627'],
    ['ＧＡＯＬＥ', '150627101225'],
  ])('finds %s as %s first', (query, code) => {
    expect(codes(matchSearch(index, query))[0]).toBe(code);
  });

  test('finds nothing for an empty or blank query', () => {
    expect(matchSearch(index, '')).toEqual([]);
    expect(matchSearch(index, '   ')).toEqual([]);
  });

  test('lists a town before its villages when a code prefix matches both', () => {
    expect(codes(matchSearch(index, '150627101')).slice(0, 2)).toEqual(['150627101', '150627101212']);
  });

  test('puts an exact name before names that merely contain it', () => {
    const entries = buildSearchIndex([place('150627101230', '庙村', '150627101'), PLACES[2]!], byCode, address);
    expect(codes(matchSearch(entries, '庙村'))).toEqual(['150627101230', '150627101225']);
  });

  test('stops at the limit', () => {
    expect(matchSearch(index, '1506', 2)).toHaveLength(2);
  });

  test('folds case, width, spaces, apostrophes and ü', () => {
    expect(foldQuery(' Lü Liang ')).toBe('luliang');
    expect(foldQuery("Xi'an")).toBe('xian');
  });
});
