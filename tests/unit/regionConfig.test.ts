import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRegionConfig, deploySettings, formatRegionConfig, normalizeBase, parseRegionConfig, PREVIEW_URL } from '../../src/model/regionConfig.ts';
import { loadDataset } from '../../src/read/loadDataset.ts';
import { readConfigText } from '../../src/load/readDataDir.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const REGION = readFileSync(join(FIXTURES, 'region', 'region.json'), 'utf8');
const withJson = (change: (json: Record<string, unknown>) => void): string => {
  const json = JSON.parse(REGION) as Record<string, unknown>;
  change(json);
  return JSON.stringify(json);
};

function readDir(dir: string): Map<string, Uint8Array> {
  return new Map(readdirSync(dir).map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]));
}

describe('region.json, the one settings file', () => {
  it('fills what a file leaves out: base /, both languages, lenient reconciliation', () => {
    const minimal = withJson((json) => {
      delete json.site;
      delete json.languages;
      delete json.reconciliation;
    });
    const parsed = checkRegionConfig(minimal);
    expect('config' in parsed && parsed.config).toMatchObject({ site: { base: '/' }, languages: ['zh-CN', 'en'], reconciliation: 'lenient' });
    expect(formatRegionConfig(JSON.parse(minimal) as never)).toBe(REGION);
  });

  it('reads a byte order mark as nothing', () => {
    expect('config' in checkRegionConfig(`\uFEFF${REGION}`)).toBe(true);
  });

  it('refuses a key in the file, naming where it is and that TIANDITU_KEY is the place for it', () => {
    const parsed = checkRegionConfig(withJson((json) => ((json.map as Record<string, unknown>).tiandituKey = 'abc123')));
    expect('issues' in parsed && parsed.issues).toHaveLength(1);
    const [issue] = 'issues' in parsed ? parsed.issues : [];
    expect(issue?.path).toBe('map.tiandituKey');
    expect(issue?.message.zh).toContain('TIANDITU_KEY');
    expect(issue?.message.en).toContain('TIANDITU_KEY');
  });

  it.each([
    ['languages', (json: Record<string, unknown>) => (json.languages = ['en']), '必须包含 zh-CN'],
    ['languages', (json: Record<string, unknown>) => (json.languages = ['zh-CN', 'zh-CN']), '有语言重复'],
    ['languages.1', (json: Record<string, unknown>) => (json.languages = ['zh-CN', 'fr']), '可用'],
    ['site.url', (json: Record<string, unknown>) => (json.site = { url: 'https://example.gov.cn/xczx/' }), '路径写在 base'],
    ['site.url', (json: Record<string, unknown>) => (json.site = { url: 'example' }), '不是有效的网址'],
    ['reconciliation', (json: Record<string, unknown>) => (json.reconciliation = 'loose'), '可用：lenient、strict'],
    ['colour', (json: Record<string, unknown>) => (json.colour = 'red'), '未知的设置'],
    ['map', (json: Record<string, unknown>) => delete json.map, '缺少此项'],
  ])('locates a wrong %s and says why in both languages', (path, change, zh) => {
    const parsed = checkRegionConfig(withJson(change));
    const issue = 'issues' in parsed ? parsed.issues[0] : undefined;
    expect(issue?.path).toBe(path);
    expect(issue?.message.zh).toContain(zh);
    expect(issue?.message.en).not.toBe('');
    expect(issue?.message.en).not.toMatch(/[\u4e00-\u9fff]{2}/);
  });

  it('says what is wrong with text that is no JSON', () => {
    const parsed = parseRegionConfig('{');
    expect('problem' in parsed && parsed.problem.en).toMatch(/^region\.json: it is not valid JSON/);
  });
});

describe('deploy-time settings: the environment wins over the file', () => {
  const config = (() => {
    const parsed = checkRegionConfig(withJson((json) => (json.site = { url: 'https://www.example.gov.cn', base: '/xczx/' })));
    if (!('config' in parsed)) throw new Error('fixture');
    return parsed.config;
  })();

  it('takes the file when nothing is set, and the preview address when neither names one', () => {
    expect(deploySettings(config, {})).toEqual({ url: 'https://www.example.gov.cn', base: '/xczx/', languages: ['zh-CN', 'en'] });
    expect(deploySettings(undefined, {})).toEqual({ url: PREVIEW_URL, base: '/', languages: ['zh-CN', 'en'] });
  });

  it('lets SITE_URL and BASE_PATH win, BASE_PATH written with or without its slashes', () => {
    expect(deploySettings(config, { SITE_URL: 'https://portal.example.cn', BASE_PATH: 'a/b' })).toMatchObject({
      url: 'https://portal.example.cn',
      base: '/a/b/',
    });
    expect(deploySettings(config, { SITE_URL: ' ', BASE_PATH: '' })).toMatchObject({ url: 'https://www.example.gov.cn', base: '/xczx/' });
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase('/xczx/sub')).toBe('/xczx/sub/');
    expect(normalizeBase('/x y/')).toBeUndefined();
    expect(() => deploySettings(config, { BASE_PATH: '/x y/' })).toThrow(/BASE_PATH/);
  });
});

describe('reconciliation: lenient publishes a difference beside the figure, strict refuses to publish', () => {
  const files = readDir(join(FIXTURES, 'small'));
  files.set('reported.csv', readFileSync(join(FIXTURES, 'broken', 'reconcile', 'reported.csv')));
  const differing = (config: string | undefined) =>
    loadDataset(files, config === undefined ? {} : { config }).report.problems.filter((p) => p.rule === 'reconcile');

  it('is a warning with no settings file and under lenient', () => {
    expect(differing(undefined).map((p) => p.severity)).toEqual(['warning']);
    expect(differing(REGION).map((p) => p.severity)).toEqual(['warning']);
  });

  it('is an error under strict (tests/fixtures/strict), which fails the whole report', () => {
    const strict = readConfigText(join(FIXTURES, 'strict'));
    expect(differing(strict).map((p) => p.severity)).toEqual(['error']);
    expect(differing(strict)[0]?.hint.en).toContain('strict');
    expect(loadDataset(files, { config: strict! }).report.ok).toBe(false);
  });

  it('an agreeing figure is no problem under strict', () => {
    const agreeing = loadDataset(readDir(join(FIXTURES, 'small')), { config: readConfigText(join(FIXTURES, 'strict'))! }).report;
    expect(agreeing.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('the settings file is checked with the data', () => {
  it("names a region code that is not edition.csv's", () => {
    const other = withJson((json) => (json.code = '150626'));
    const problems = loadDataset(readDir(join(FIXTURES, 'small')), { config: other }).report.problems.filter((p) => p.rule === 'site-config');
    expect(problems).toMatchObject([{ severity: 'error', file: 'region.json', column: 'code', value: '150626' }]);
  });
});
