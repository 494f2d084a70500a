import { describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { childrenWord, fill, localizePath, neutralPath, otherLocale, pick, t } from '../../src/i18n/index.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';

describe('dictionaries', () => {
  test('have exactly the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  test('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  test('keep Chinese characters out of English text, except the switch back to Chinese', () => {
    const han = /\p{Script=Han}/u;
    const withHan = Object.entries(en)
      .filter(([, text]) => han.test(text))
      .map(([key]) => key);
    expect(withHan).toEqual(['languageSwitch']);
  });

  test('have no empty strings', () => {
    for (const dictionary of [zhCN, en]) expect(Object.values(dictionary).filter((text) => text.trim() === '')).toEqual([]);
  });
});

describe('t and fill', () => {
  test('picks the dictionary of the locale', () => {
    expect(t('en').navHome).toBe('Home');
    expect(t('zh-CN').navHome).toBe('首页');
  });

  test('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('显示 {shown} 行，共 {total} 行', { shown: 3, total: 10 })).toBe('显示 3 行，共 10 行');
    expect(fill('{a} {b}', { a: 'x' })).toBe('x {b}');
  });

  test('does not treat a value as a template', () => {
    expect(fill('{a}', { a: '{b}', b: 'no' })).toBe('{b}');
  });
});

describe('localizePath', () => {
  test.each([
    ['/', 'zh-CN', '/'],
    ['/', 'en', '/en/'],
    ['/villages/150627101225/', 'en', '/en/villages/150627101225/'],
    ['/en/villages/150627101225/', 'zh-CN', '/villages/150627101225/'],
    ['/en/villages/150627101225/', 'en', '/en/villages/150627101225/'],
    ['/en/', 'zh-CN', '/'],
    ['/data/funds.csv', 'zh-CN', '/data/funds.csv'],
  ] as const)('puts %s in %s at %s', (path, locale, expected) => {
    expect(localizePath(path, locale)).toBe(expected);
  });

  test('does not mistake a path that merely starts with "en" for English', () => {
    expect(neutralPath('/energy/')).toBe('/energy/');
  });

  test('switches language both ways', () => {
    expect(otherLocale('en')).toBe('zh-CN');
    expect(otherLocale('zh-CN')).toBe('en');
    expect(pick({ zh: '村', en: 'village' }, 'en')).toBe('village');
  });
});

describe('childrenWord', () => {
  test.each([
    ['1506', '市', 'city'],
    ['150627', '县（市、区、旗）', 'county'],
    ['150627101', '镇', 'town'],
    ['150627101225', '嘎查村', 'village'],
  ])('calls the children %s by their level: %s / %s', (childCode, zh, english) => {
    expect(childrenWord(t('zh-CN'), childCode)).toBe(zh);
    expect(childrenWord(t('en'), childCode)).toBe(english);
  });
});
