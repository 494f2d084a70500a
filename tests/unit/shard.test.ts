/**
 * `npm run build -- --only <code>` (src/derive/shard.ts, scripts/lib/shard.ts, src/publish/shardIndex.ts):
 * which rows a shard takes, that its data validates on its own, the index of the shards, the layout
 * for merging by copying, and the command line's answers (the form of the code, a code outside the
 * dataset, --help). The build of a shard and every link of its pages: tests/browser/shard.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkShardCode, checkShardCodeForm, selectSubtree, shardBase, shardOutlines, siblingShards } from '../../src/derive/shard.ts';
import { shardIndexPages } from '../../src/publish/shardIndex.ts';
import { layOutShard, prepareShard, type ShardPlan } from '../../scripts/lib/shard.ts';
import { initRegion } from '../../scripts/initRegion.ts';
import { loadDataDir } from '../../src/load/readDataDir.ts';
import { isWithin } from '../../src/model/divisionCode.ts';
import type { Records } from '../../src/read/tables.ts';
import type { Bilingual } from '../../src/i18n/locale.ts';
import type { FeatureCollection, MultiPolygon } from 'geojson';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const REGION = join(ROOT, 'tests', 'fixtures', 'region');
const SMALL = join(ROOT, 'tests', 'fixtures', 'small');
const NO_STACK = /^\s+at .+/m;
const TOWNS = ['150627100', '150627101', '150627102', '150627103', '150627104', '150627105', '150627106'];

/** The place code of each table's rows, as the shard chooses them. */
const PLACE_OF: { [K in keyof Records]: (row: Records[K][number]) => string } = {
  edition: (row) => row.region_code,
  divisions: (row) => row.code,
  villages: (row) => row.village_code,
  projects: (row) => row.village_code,
  funds: (row) => row.village_code,
  talent: (row) => row.place_code,
  pairings: (row) => row.village_code,
  monthly: (row) => row.village_code,
  reported: (row) => row.scope_code,
};
const TABLE_KEYS = Object.keys(PLACE_OF) as (keyof Records)[];
const placesOf = (records: Records, key: keyof Records): string[] => (records[key] as unknown[]).map((row) => (PLACE_OF[key] as (r: unknown) => string)(row));

let records: Records;
beforeAll(() => {
  const loaded = loadDataDir(REGION);
  expect(loaded.report.ok).toBe(true);
  records = loaded.records;
});

describe('the code --only takes', () => {
  it('is a province, city, county or town code by its form', () => {
    for (const code of ['15', '1506', '150627', '150627101']) expect(checkShardCodeForm(code)).toBeUndefined();
    for (const code of ['1', '123', '12345', '150627101225', '15a', '', '１５']) {
      const problem = checkShardCodeForm(code);
      expect(problem?.zh).toContain('区划代码');
      expect(problem?.en).toContain('statistical code');
    }
  });

  it('must be the dataset’s region or a division under it that holds a village', () => {
    expect(checkShardCode('150627', records)).toBeUndefined();
    for (const town of TOWNS) expect(checkShardCode(town, records)).toBeUndefined();
    const outside = checkShardCode('1501', records);
    expect(outside?.zh).toContain('1501 不在本数据集中');
    expect(outside?.zh).toContain('150627 伊金霍洛旗');
    expect(outside?.en).toContain('1501 is outside this dataset (this dataset is 150627 Ejin Horo Banner)');
    // The county's own ancestors are in divisions.csv, but above the dataset.
    expect(checkShardCode('1506', records)?.en).toContain('outside this dataset');
    expect(checkShardCode('150627999', records)?.en).toContain("150627999 is not in this dataset's divisions.csv");
    const withoutTown = { ...records, villages: records.villages.filter((v) => !isWithin(v.village_code, '150627104')) };
    expect(checkShardCode('150627104', withoutTown)?.en).toContain('holds no village');
    expect(checkShardCode('12345', records)?.en).toContain('12345: must be the statistical code');
  });
});

describe('selectSubtree', () => {
  it('keeps exactly the rows within the code, the divisions above it, and names the shard as the region', () => {
    const shard = selectSubtree(records, '150627101');
    expect(shard.edition.map((e) => e.region_code)).toEqual(['150627101']);
    expect(shard.edition[0]!.as_of).toBe(records.edition[0]!.as_of);
    expect(shard.divisions.map((d) => d.code)).toEqual(['15', '1506', '150627', '150627101']);
    expect(shard.villages).toHaveLength(27);
    for (const key of TABLE_KEYS.filter((k) => k !== 'edition' && k !== 'divisions')) {
      const kept = placesOf(shard, key);
      expect(kept.every((code) => isWithin(code, '150627101'))).toBe(true);
      expect(kept).toHaveLength(placesOf(records, key).filter((code) => isWithin(code, '150627101')).length);
    }
    // The county's reported figures are not a town's to reconcile; a village's of the town are.
    expect(records.reported.some((r) => r.scope_code === '150627')).toBe(true);
    expect(shard.reported.map((r) => r.scope_code)).toEqual(['150627101225', '150627101225']);
  });

  it('cut into every town, loses and repeats no row below the county', () => {
    const shards = TOWNS.map((town) => selectSubtree(records, town));
    for (const key of TABLE_KEYS.filter((k) => k !== 'edition' && k !== 'divisions')) {
      const below = placesOf(records, key).filter((code) => code.length > 6);
      expect(shards.flatMap((shard) => placesOf(shard, key)).sort()).toEqual(below.sort());
    }
  });

  it('at the region itself keeps every row', () => {
    const whole = selectSubtree(records, '150627');
    for (const key of TABLE_KEYS) expect(whole[key]).toHaveLength(records[key].length);
  });
});

describe('shard outlines and the list of shards', () => {
  const square = (x: number): MultiPolygon => ({
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [x, 0],
          [x + 1, 0],
          [x + 1, 1],
          [x, 0],
        ],
      ],
    ],
  });
  const areas: FeatureCollection<MultiPolygon> = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { code: '1506', level: 'city' }, geometry: square(0) },
      { type: 'Feature', properties: { code: '150627', level: 'county' }, geometry: square(1) },
      { type: 'Feature', properties: { code: '150626', level: 'county' }, geometry: square(2) },
      { type: 'Feature', properties: { code: '1501', level: 'city' }, geometry: square(3) },
    ],
  };
  const provinceOutline = { type: 'FeatureCollection', features: [] };
  const codesOf = (collection: unknown): unknown[] => (collection as FeatureCollection).features.map((f) => (f.properties as { code: unknown }).code);

  it('a city of a province: its own outline and its counties', () => {
    const { outline, areas: inner } = shardOutlines('1506', '15', provinceOutline, areas);
    expect(codesOf(outline)).toEqual(['1506']);
    expect(codesOf(inner)).toEqual(['150627', '150626']);
  });

  it("a county: its outline, no areas; a town: its county's; the region: the region's own", () => {
    const county = shardOutlines('150627', '15', provinceOutline, areas);
    expect(codesOf(county.outline)).toEqual(['150627']);
    expect(county.areas).toBeUndefined();
    expect(codesOf(shardOutlines('150627101', '15', provinceOutline, areas).outline)).toEqual(['150627']);
    expect(shardOutlines('15', '15', provinceOutline, areas).outline).toBe(provinceOutline);
    expect(shardOutlines('150627101', '150627', provinceOutline, undefined).outline).toBe(provinceOutline);
    expect(shardOutlines('150628', '15', provinceOutline, areas).outline).toBeUndefined();
  });

  it('lists the siblings that hold a village, in code order', () => {
    const names = new Map([
      ['1502', { zh: '包头市', en: 'Baotou' }],
      ['1501', { zh: '呼和浩特市', en: 'Hohhot' }],
      ['1503', { zh: '乌海市', en: 'Wuhai' }],
      ['1401', { zh: '太原市', en: 'Taiyuan' }],
    ]);
    expect(siblingShards('1502', names, ['150201001001', '150102001001', '140101001001', '150999001001']).map((s) => s.code)).toEqual(['1501', '1502']);
  });

  it('puts a shard under the base path', () => {
    expect(shardBase('/', '15')).toBe('/15/');
    expect(shardBase('/xczx/', '150627101')).toBe('/xczx/150627101/');
  });
});

describe('the index of the shards', () => {
  const input = {
    base: '/xczx/',
    parent: { zh: '全国', en: 'China' },
    shards: [
      { code: '15', name: { zh: '内蒙古自治区', en: 'Inner Mongolia' } },
      { code: '31', name: { zh: '上海市<b>', en: 'Shanghai & co' } },
    ],
  };

  it('is a page in each language linking each shard under the base path', () => {
    const [zh, en] = shardIndexPages({ ...input, languages: ['zh-CN', 'en'] });
    expect(zh!.path).toBe('index.html');
    expect(en!.path).toBe('en/index.html');
    expect(zh!.html).toContain('<html lang="zh-CN">');
    expect(zh!.html).toContain('<a href="/xczx/15/" hreflang="zh-CN">内蒙古自治区</a>');
    expect(zh!.html).toContain('<a href="/xczx/en/" hreflang="en" lang="en">English</a>');
    expect(en!.html).toContain('<a href="/xczx/15/en/" hreflang="en">Inner Mongolia</a>');
    expect(en!.html).toContain('<a href="/xczx/" hreflang="zh-CN" lang="zh-CN">简体中文</a>');
    // Names are text, never markup; the page carries the site's policy and no script or style.
    expect(zh!.html).toContain('上海市&lt;b&gt;');
    expect(en!.html).toContain('Shanghai &amp; co');
    expect(zh!.html).toContain("script-src 'self'");
    expect(zh!.html).not.toMatch(/<script|<style|style=/);
  });

  it('in Chinese alone: one page, no link to English', () => {
    const pages = shardIndexPages({ ...input, languages: ['zh-CN'] });
    expect(pages.map((p) => p.path)).toEqual(['index.html']);
    expect(pages[0]!.html).not.toContain('/en/');
  });
});

describe('a shard’s data folder (prepareShard)', () => {
  let temp: string;
  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), 'shard-'));
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('validates on its own, names the shard and its base path, and indexes the towns of the dataset', () => {
    const plan = prepareShard({ dataDir: REGION, code: '150627101', workDir: join(temp, 'town'), warn: () => {} })!;
    expect(plan.base).toBe('/150627101/');
    const loaded = loadDataDir(plan.dataDir);
    expect(loaded.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(loaded.report.ok).toBe(true);
    expect(loaded.records.villages).toHaveLength(27);
    const config = JSON.parse(readFileSync(join(plan.dataDir, 'region.json'), 'utf8')) as {
      code: string;
      name: Bilingual;
      site: { base: string };
    };
    expect(config.code).toBe('150627101');
    expect(config.name).toEqual({ zh: '札萨克镇', en: 'Zhasake Town' });
    expect(config.site.base).toBe('/150627101/');
    // A town is checked against its county's outline, as init-region starts a town.
    expect(existsSync(join(plan.dataDir, 'geo', '150627101-boundary.wgs84.geojson'))).toBe(true);
    const zh = plan.index.find((p) => p.path === 'index.html')!.html;
    for (const town of TOWNS) expect(zh).toContain(`href="/${town}/"`);
    expect(zh).toContain('伊金霍洛旗');
  });

  it('at the region itself, indexes its siblings from the statistical list (every job writes the same index)', () => {
    const plan = prepareShard({ dataDir: SMALL, code: '150627', workDir: join(temp, 'county'), warn: () => {} })!;
    expect(loadDataDir(plan.dataDir).report.ok).toBe(true);
    const zh = plan.index.find((p) => p.path === 'index.html')!.html;
    // The counties of Ordos, though the dataset holds one of them.
    for (const county of ['150602', '150621', '150626', '150627']) expect(zh).toContain(`href="/${county}/"`);
    expect(zh).toContain('鄂尔多斯市');
  });

  it("titles the index of a municipality's districts by the municipality, not its placeholder 市辖区", () => {
    const data = join(temp, 'putuo-data');
    initRegion({ regionCode: '310107', outDir: data, asOf: '2024-06-30' });
    const plan = prepareShard({ dataDir: data, code: '310107', workDir: join(temp, 'putuo'), warn: () => {} })!;
    const zh = plan.index.find((p) => p.path === 'index.html')!.html;
    expect(zh).toContain('<title>乡村振兴进展：上海市</title>');
    expect(zh).not.toContain('市辖区');
    for (const district of ['310107', '310151']) expect(zh).toContain(`href="/${district}/"`);
    // Districts of urban communities only are never shards, so the index does not link to them.
    expect(zh).not.toContain('href="/310101/"');
  });

  it('refuses a code outside the dataset, writing nothing', () => {
    expect(() => prepareShard({ dataDir: SMALL, code: '1501', workDir: join(temp, 'outside'), warn: () => {} })).toThrow(
      /不在本数据集中.*outside this dataset/,
    );
    expect(existsSync(join(temp, 'outside'))).toBe(false);
  });
});

describe('layOutShard', () => {
  it('moves the shard under its code, its assets to the shared _astro/ with their references, and writes the index', () => {
    const temp = mkdtempSync(join(tmpdir(), 'shard-layout-'));
    try {
      const built = join(temp, 'built');
      mkdirSync(join(built, '_astro'), { recursive: true });
      mkdirSync(join(built, 'villages', '1'), { recursive: true });
      writeFileSync(join(built, 'index.html'), '<link href="/xczx/15/_astro/a.B1.css"><a href="/xczx/15/villages/1/">');
      writeFileSync(join(built, 'villages', '1', 'index.html'), '<script src="/xczx/15/_astro/b.C2.js"></script>');
      writeFileSync(join(built, '_astro', 'a.B1.css'), 'body{background:url(/xczx/15/_astro/c.D3.svg)}');
      const plan: ShardPlan = {
        code: '15',
        dataDir: temp,
        parentBase: '/xczx/',
        base: '/xczx/15/',
        index: [
          { path: 'index.html', html: 'zh' },
          { path: 'en/index.html', html: 'en' },
        ],
      };
      const out = join(temp, 'out');
      layOutShard(plan, built, out);
      expect(readFileSync(join(out, '15', 'index.html'), 'utf8')).toBe('<link href="/xczx/_astro/a.B1.css"><a href="/xczx/15/villages/1/">');
      expect(readFileSync(join(out, '15', 'villages', '1', 'index.html'), 'utf8')).toBe('<script src="/xczx/_astro/b.C2.js"></script>');
      expect(readFileSync(join(out, '_astro', 'a.B1.css'), 'utf8')).toBe('body{background:url(/xczx/_astro/c.D3.svg)}');
      expect(readFileSync(join(out, 'en', 'index.html'), 'utf8')).toBe('en');
      expect(existsSync(join(out, '15', '_astro'))).toBe(false);
      expect(existsSync(built)).toBe(false);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});

describe('npm run build -- --only on the command line', () => {
  const build = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(TSX, [join(ROOT, 'scripts', 'build.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });

  it('--help lists the option in both languages', () => {
    const help = build(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--only <代码 code>');
    expect(help.stdout).toContain('只生成这个省、市、县或镇');
    expect(help.stdout).toContain('Build only this province, city, county or town');
  });

  it('a code of the wrong form is a usage error (exit 2), in both languages', () => {
    const wrong = build(['--only', '12345'], { DATA_DIR: SMALL });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--only 12345：应为省（2位）');
    expect(wrong.stderr).toContain('--only 12345: must be the statistical code');
    expect(wrong.stderr + wrong.stdout).not.toMatch(NO_STACK);
  });

  it('a code outside the dataset or not in it is refused (exit 1) in one bilingual line, building nothing', () => {
    const temp = mkdtempSync(join(tmpdir(), 'shard-refused-'));
    try {
      for (const [code, zh, en] of [
        ['1501', '1501 不在本数据集中', '1501 is outside this dataset'],
        ['150627105', '本数据集的 divisions.csv 中没有 150627105', "150627105 is not in this dataset's divisions.csv"],
      ] as const) {
        const refused = build(['--only', code], { DATA_DIR: SMALL, DIST_DIR: join(temp, 'dist') });
        expect(refused.status).toBe(1);
        expect(refused.stderr).toContain(zh);
        expect(refused.stderr).toContain(en);
        expect(refused.stderr + refused.stdout).not.toMatch(NO_STACK);
        expect(existsSync(join(temp, 'dist'))).toBe(false);
      }
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});
