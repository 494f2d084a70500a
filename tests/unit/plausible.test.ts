/**
 * Data that is well formed but cannot be true (issue 14, point 3): each rule on its own, beyond the
 * one broken fixture per rule in validate.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset, type DatasetOptions } from '../../src/read/loadDataset.ts';
import type { Problem } from '../../src/read/problem.ts';
import { readOutlines } from '../../src/load/readDataDir.ts';
import { fundsTable } from '../../src/read/tables.ts';
import { hasControlCharacter } from '../../src/format/controlCharacters.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const TODAY = '2024-06-30';
const OUTLINES = readOutlines(join(FIXTURES, 'region'));
const OPTIONS: DatasetOptions = { today: TODAY, outlines: OUTLINES };

function readDir(dir: string): Map<string, Uint8Array> {
  return new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith('.csv'))
      .map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]),
  );
}

/** The small valid dataset with some files rewritten, loaded with the given options. */
function load(edits: Record<string, (text: string) => string>, options: DatasetOptions = OPTIONS, dir = 'small') {
  const files = readDir(join(FIXTURES, dir));
  for (const [file, change] of Object.entries(edits)) files.set(file, new TextEncoder().encode(change(new TextDecoder().decode(files.get(file)))));
  return loadDataset(files, options).report;
}

const where = (p: Problem): string => `${p.severity} ${p.rule} ${p.file} ${p.columnLetter ?? ''}${p.row ?? ''}`;
const ofRule = (problems: Problem[], rule: Problem['rule']): string[] => problems.filter((p) => p.rule === rule).map(where);

const setVillagePoint = (lon: number, lat: number) => (text: string) =>
  text.replace('150627102200,乌兰木伦村,村,110.200196,39.289277,镇政府驻地', `150627102200,乌兰木伦村,村,${lon},${lat},实测点位`);

describe('a point outside the region', () => {
  it('is an error for a village at (0, 0), naming its longitude cell', () => {
    const report = load({ 'villages.csv': setVillagePoint(0, 0) });
    expect(ofRule(report.problems, 'outside-outline')).toEqual(['error outside-outline villages.csv D4']);
    expect(report.ok).toBe(false);
  });

  it('passes within the 5 km tolerance and fails beyond it', () => {
    // 110.25°E is about 4 km east of the banner's edge at 39.3°N; 110.3°E about 5.4 km.
    expect(ofRule(load({ 'villages.csv': setVillagePoint(110.25, 39.3) }).problems, 'outside-outline')).toEqual([]);
    expect(ofRule(load({ 'villages.csv': setVillagePoint(110.3, 39.3) }).problems, 'outside-outline')).toEqual(['error outside-outline villages.csv D4']);
  });

  it("checks the seats of the region's towns, not those of its province or city", () => {
    const report = load({
      'divisions.csv': (text) =>
        text
          .replace('15,内蒙古自治区,Inner Mongolia Autonomous Region,,', '15,内蒙古自治区,Inner Mongolia Autonomous Region,111.75,40.84')
          .replace('150627102,乌兰木伦镇,,110.200196,39.289277', '150627102,乌兰木伦镇,,116.4,39.9'),
    });
    expect(ofRule(report.problems, 'outside-outline')).toEqual(['error outside-outline divisions.csv D6']);
  });

  it('says once, as information, that there is no outline for the region, and checks nothing', () => {
    const report = load({ 'villages.csv': setVillagePoint(0, 0) }, { today: TODAY, outlines: new Map() });
    expect(ofRule(report.problems, 'outside-outline')).toEqual(['info outside-outline geo/150627-boundary.wgs84.geojson ']);
    expect(report.problems.find((p) => p.rule === 'outside-outline')?.message.en).toBe(
      "There is no outline of region 150627 (geo/150627-boundary.wgs84.geojson), so the villages' points were not checked against it",
    );
    expect(report.ok).toBe(true);
  });

  it('warns about an outline it cannot read, instead of crashing', () => {
    for (const text of ['{ not json', '{"type":"Point","coordinates":[1,2]}']) {
      const report = load({}, { today: TODAY, outlines: new Map([['150627', text]]) });
      expect(ofRule(report.problems, 'outside-outline')).toEqual(['warning outside-outline geo/150627-boundary.wgs84.geojson ']);
    }
  });
});

describe('the as-of date and the day of the build', () => {
  const asOf2099 = (text: string) => text.replace('150627,2021-10-14', '150627,2099-10-14');

  it('an as-of after the day of the build is an error; on the day itself it is fine', () => {
    expect(ofRule(load({ 'edition.csv': asOf2099 }).problems, 'after-today')).toEqual(['error after-today edition.csv B2']);
    expect(ofRule(load({ 'edition.csv': (text) => text.replace('2021-10-14', TODAY) }).problems, 'after-today')).toEqual([]);
  });

  it('an as-of of 2099 no longer switches off the future-date check: other dates are held to the day of the build', () => {
    const report = load({ 'edition.csv': asOf2099, 'funds.csv': (text) => text.replace('F1,2021-07-01', 'F1,2050-07-01') });
    const future = report.problems.filter((p) => p.rule === 'future-date');
    expect(future.map(where)).toEqual(['error future-date funds.csv B2']);
    expect(future[0]!.message).toEqual({
      zh: '2050-07-01 晚于今天（生成网站的日期 2024-06-30）',
      en: '2050-07-01 is after today, the day of the build (2024-06-30)',
    });
  });

  it('is not checked when the caller does not say what day it is', () => {
    expect(ofRule(load({ 'edition.csv': asOf2099 }, {}).problems, 'after-today')).toEqual([]);
  });
});

describe('years of this programme', () => {
  it('refuses a year before 1949 in any date or month column, the as-of included', () => {
    const report = load({
      'monthly.csv': (text) => text.replace('2021-08,150627101225', '1921-08,150627101225'),
      'pairings.csv': (text) => text.replace('150627101212,农牧局,甲企业,2021-01-01', '150627101212,农牧局,甲企业,1948-12-31'),
      'reported.csv': (text) => text.replace('5600,准确值,平方公里,2021-10-14,测试,测试,2021-10-14', '5600,准确值,平方公里,2021-10-14,测试,测试,1900-01-01'),
    });
    expect(ofRule(report.problems, 'programme-years')).toEqual([
      'error programme-years pairings.csv D3',
      'error programme-years monthly.csv A2',
      'error programme-years reported.csv K6',
    ]);
    expect(ofRule(load({ 'edition.csv': (text) => text.replace('2021-10-14', '1900-10-14') }).problems, 'programme-years')).toEqual([
      'error programme-years edition.csv B2',
    ]);
    expect(ofRule(load({ 'funds.csv': (text) => text.replace('F3,2020-05-01', 'F3,1949-01-01') }).problems, 'programme-years')).toEqual([]);
  });

  describe("a column's own years", () => {
    const meta = fundsTable.columns.date.meta;
    const saved = { ...meta };
    afterEach(() => {
      delete meta.earliestYear;
      delete meta.mayFollowAsOf;
      Object.assign(meta, saved);
    });

    it('earliestYear moves the first year accepted', () => {
      const old = { 'funds.csv': (text: string) => text.replace('F3,2020-05-01', 'F3,1930-05-01') };
      expect(ofRule(load(old).problems, 'programme-years')).toEqual(['error programme-years funds.csv B4']);
      meta.earliestYear = 1900;
      expect(ofRule(load(old).problems, 'programme-years')).toEqual([]);
    });

    it('mayFollowAsOf lets a planned date follow the as-of', () => {
      const planned = { 'funds.csv': (text: string) => text.replace('F3,2020-05-01', 'F3,2022-05-01') };
      expect(ofRule(load(planned).problems, 'future-date')).toEqual(['error future-date funds.csv B4']);
      meta.mayFollowAsOf = true;
      expect(ofRule(load(planned).problems, 'future-date')).toEqual([]);
    });
  });
});

describe('amounts out of all proportion', () => {
  it('warns about 3,200亿 for one village, naming the cell, with both reasons in both languages', () => {
    const report = load({ 'funds.csv': (text) => text.replace(',乌兰木伦村集体,3000000,', ',乌兰木伦村集体,3200亿,') });
    expect(ofRule(report.problems, 'implausible-amount')).toEqual(['warning implausible-amount funds.csv G5']);
    expect(report.ok).toBe(true);
  });

  it('warns when one amount is over 100 times the median of the other rows, even with no reported total', () => {
    // The investment of P3 at 101 times the median of the other two (1,200,000 and 2600万: 1360万).
    const report = load({ 'projects.csv': (text) => text.replace('P3,150627102200,光伏发电,工,3000000', 'P3,150627102200,光伏发电,工,13.837亿') });
    const found = report.problems.filter((p) => p.rule === 'implausible-amount');
    expect(found.map(where)).toEqual(['warning implausible-amount projects.csv E4']);
    expect(found[0]!.message.en).toBe(
      "The amount about CNY 1.38 billion is out of all proportion: it is 101 times CNY 13.6 million, the median of the column's other 2 rows (more than 100 times)",
    );
    // 100 times exactly is not more than 100 times.
    expect(
      ofRule(
        load({ 'projects.csv': (text) => text.replace('P3,150627102200,光伏发电,工,3000000', 'P3,150627102200,光伏发电,工,13.6亿') }).problems,
        'implausible-amount',
      ),
    ).toEqual([]);
  });

  it('does not bound an amount by an "at least" figure or by a figure of another place', () => {
    // projects_investment_yuan in the small data is "2600万以上" for one village: a project of 1亿 elsewhere is fine.
    const report = load({ 'projects.csv': (text) => text.replace('P3,150627102200,光伏发电,工,3000000', 'P3,150627102200,光伏发电,工,1亿') });
    expect(ofRule(report.problems, 'implausible-amount')).toEqual([]);
  });

  it('says nothing when the other rows have a median of zero or are too few', () => {
    // Monthly income: four of the six months are 0 … and one village has far more.
    const zeros = load({
      'monthly.csv': (text) =>
        text
          .replace('2021-08,150627101212,50000', '2021-08,150627101212,0')
          .replace('2021-09,150627102200,10000', '2021-09,150627102200,0')
          .replace('2021-09,150627101212,65000', '2021-09,150627101212,6500万'),
    });
    expect(ofRule(zeros.problems, 'implausible-amount')).toEqual([]);
    const few = load({
      'projects.csv': (text) =>
        text.replace(/^P[23],.*\n/gm, '').replace('P1,150627101225,汽车三产服务园区,商,2600万', 'P1,150627101225,汽车三产服务园区,商,2600亿'),
    });
    expect(ofRule(few.problems, 'implausible-amount')).toEqual([]);
  });

  it('finds nothing out of proportion in the default data', () => {
    const report = load({}, OPTIONS, 'region');
    expect(report.problems.filter((p) => p.rule === 'implausible-amount')).toEqual([]);
    expect(report.problems).toEqual([]);
  });
});

describe('invisible characters in cells', () => {
  const nameOf = (name: string) => (text: string) => text.replace('高勒庙村', name);

  it.each([
    ['NUL', '高勒\u0000庙村', '\\u0000'],
    ['ESC (ANSI escape)', '\u001b[2J高勒庙村', '\\u001b'],
    ['DEL', '高勒庙村\u007f', '\\u007f'],
    ['C1 (NEL)', '高勒\u0085庙村', '\\u0085'],
    ['a right-to-left override', '\u202e高勒庙村', '\\u202e'],
    ['a first-strong isolate', '高勒\u2068庙村', '\\u2068'],
    ['a tab inside a name', '高勒\t庙村', '\\u0009'],
    ['a line break inside a name', '"高勒\n庙村"', '\\u000a'],
  ])('refuses %s, showing it escaped and never raw', (_, name, escape) => {
    const report = load({ 'villages.csv': nameOf(name) });
    const found = report.problems.filter((p) => p.rule === 'control-character');
    expect(found.map(where)).toEqual(['error control-character villages.csv B2']);
    expect(found[0]!.message.en).toContain(escape);
    for (const text of [found[0]!.value!, found[0]!.message.zh, found[0]!.message.en]) expect(hasControlCharacter(text)).toBe(false);
  });

  it('accepts line breaks and tabs in a note or a quotation, which may run over several lines', () => {
    const report = load({
      'funds.csv': (text) =>
        text.replace(
          'F1,2021-07-01,150627101225,P1,包联企业,电信公司,2000万,示意,',
          'F1,2021-07-01,150627101225,P1,包联企业,电信公司,2000万,示意,"第一行\n第二行\t（续）"',
        ),
      'reported.csv': (text) => text.replace(',为3个嘎查村', ',"为3个\n嘎查村"'),
    });
    expect(report.problems).toEqual([]);
    // A NUL is refused there too.
    expect(ofRule(load({ 'funds.csv': (text) => text.replace(',2000万,示意,', ',2000万,示意,"备\u0000注"') }).problems, 'control-character')).toEqual([
      'error control-character funds.csv I2',
    ]);
  });
});

describe('source links', () => {
  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'vbscript:msgbox(1)', 'ftp://example.org/a'])(
    'refuses %s',
    (url) => {
      const report = load({ 'reported.csv': (text) => text.replace('测试,测试,2021-10-14,,为3个嘎查村', `测试,测试,2021-10-14,"${url}",为3个嘎查村`) });
      expect(ofRule(report.problems, 'url-scheme')).toEqual(['error url-scheme reported.csv L2']);
    },
  );

  it('accepts http and https', () => {
    for (const url of ['http://example.org/a', 'https://www.people.com.cn/n1/2021/1014/c1.html']) {
      expect(load({ 'reported.csv': (text) => text.replace('测试,测试,2021-10-14,,为3个嘎查村', `测试,测试,2021-10-14,${url},为3个嘎查村`) }).problems).toEqual(
        [],
      );
    }
  });
});

describe('a file with a header and no rows', () => {
  it('stays valid, and the report says which files have no rows', () => {
    const headerOnly = (text: string) => text.slice(0, text.indexOf('\n') + 1);
    const report = load({ 'funds.csv': headerOnly, 'monthly.csv': headerOnly, 'talent.csv': headerOnly });
    expect(report.ok).toBe(true);
    expect(ofRule(report.problems, 'no-rows')).toEqual(['info no-rows funds.csv ', 'info no-rows talent.csv ', 'info no-rows monthly.csv ']);
  });

  it('does not add it to a file that is empty or missing', () => {
    const report = load({ 'funds.csv': () => '' });
    expect(ofRule(report.problems, 'no-rows')).toEqual([]);
  });
});
