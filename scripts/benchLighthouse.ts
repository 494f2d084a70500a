/**
 * npm run bench:lighthouse [-- --dist <folder> --data <folder> --runs 3]
 *
 * Lighthouse (mobile, its default: a mid-range phone, simulated slow 4G and a 4× slower CPU) on the
 * home, map and village pages of a built site, served by the project's static server (gzip, the
 * pages' CSP as a header), in Debian's Chromium. Prints each category's score, the median of the
 * runs, against issue 18's targets (performance ≥ 98; accessibility, best practices, SEO 100), with
 * total blocking time and largest contentful paint, then the audits that cost points.
 *
 * The site: `--dist` names one already built; otherwise the data in `--data` (the fixture region by
 * default) is built into .build/lighthouse/ unless that folder holds a build already (`--rebuild`).
 * Not a timed test: it prints numbers (exit code 0 unless something could not run).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { median } from 'd3-array';
import { loadDataDir } from '../src/load/readDataDir.ts';
import { runCommand, wholeNumber, type CommandSpec } from './lib/command.ts';
import { BENCH_ENV, printTable, ROOT, run } from './lib/benchBuild.ts';
import { benchVillage } from './lib/pageWeight.ts';
import { startStaticServer } from './lib/staticServer.ts';

const SPEC: CommandSpec = {
  name: 'npm run bench:lighthouse',
  summary: {
    zh: 'Lighthouse 基准（移动端）：首页、地图和一个嘎查村页面的性能、无障碍、最佳做法和 SEO 得分，与目标（≥ 98、100、100、100）比较。',
    en: 'Lighthouse benchmark (mobile): performance, accessibility, best practices and SEO of the home, map and a village page, against the targets (≥ 98, 100, 100, 100).',
  },
  options: {
    dist: {
      type: 'string',
      value: '文件夹 folder',
      description: { zh: '已生成的网站（不再生成）', en: 'A site already built (nothing is built)' },
    },
    data: {
      type: 'string',
      default: 'tests/fixtures/region',
      value: '文件夹 folder',
      description: { zh: '生成网站所用的数据；也用来选嘎查村', en: 'The data the site is built from; also picks the village' },
    },
    runs: {
      type: 'string',
      default: '3',
      value: 'n',
      description: { zh: '每页测量次数（取中位数）', en: 'Runs per page (the median is shown)' },
      check: wholeNumber(1),
    },
    rebuild: {
      type: 'boolean',
      default: false,
      description: { zh: '即使 .build/lighthouse/ 已有网站也重新生成', en: 'Build again even if .build/lighthouse/ holds a site' },
    },
  },
  environment: { CHROMIUM_PATH: { zh: 'Chromium 路径（默认 /usr/bin/chromium）', en: 'Path to Chromium (/usr/bin/chromium unless set)' } },
  exitCodes: { 1: { zh: '构建或测量失败', en: 'a build or a measurement failed' } },
};
type Options = { dist: string | undefined; data: string; runs: number; rebuild: boolean };

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Issue 18's targets, in Lighthouse's order. */
const TARGETS = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
type Category = keyof typeof TARGETS;
const CATEGORIES = Object.keys(TARGETS) as Category[];

type Audit = { id: string; title: string; score: number | null; displayValue?: string };
type Run = { scores: Record<Category, number>; tbtMs: number; lcpMs: number; failing: Audit[] };

/** The site to measure: the one named, or the data built into .build/lighthouse/ (once). */
function siteFolder(dataDir: string, values: Options): string {
  if (values.dist !== undefined) return resolve(values.dist);
  const dist = join(ROOT, '.build', 'lighthouse');
  if (values.rebuild || !existsSync(join(dist, 'index.html'))) {
    rmSync(dist, { recursive: true, force: true });
    console.log(`生成 · building ${dataDir} → ${dist}`);
    const ms = run('npx', ['tsx', 'scripts/build.ts'], ROOT, { ...BENCH_ENV, DATA_DIR: dataDir, DIST_DIR: dist });
    console.log(`  ${(ms / 1000).toFixed(0)} s`);
  }
  return dist;
}

/** The village bench:site weighs; for a site given without its data, the first village page built. */
function villageCode(dataDir: string, dist: string, values: Options): string {
  if (values.dist === undefined || existsSync(join(dataDir, 'villages.csv'))) return benchVillage(loadDataDir(dataDir).records.villages).village_code;
  const first = readdirSync(join(dist, 'villages'))
    .filter((name) => /^\d+$/.test(name))
    .sort()[0];
  if (first === undefined) throw new Error(`${dist} 中没有嘎查村页面 · No village page in ${dist}`);
  return first;
}

/** Lighthouse is large: loaded only when measuring, so that --help and a wrong option answer at once. */
const loadLighthouse = async () => (await import('lighthouse')).default;

async function measure(url: string, port: number): Promise<Run> {
  const lighthouse = await loadLighthouse();
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (result === undefined) throw new Error(`Lighthouse 没有结果 · Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError !== undefined) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
  // Audits that count towards a score and did not pass in full.
  const weighed = new Set(CATEGORIES.flatMap((c) => (lhr.categories[c]?.auditRefs ?? []).filter((ref) => ref.weight > 0).map((ref) => ref.id)));
  const failing = Object.values(lhr.audits)
    .filter((audit) => weighed.has(audit.id) && audit.score !== null && audit.score < 1)
    .map(({ id, title, score, displayValue }) => ({ id, title, score, ...(displayValue === undefined ? {} : { displayValue }) }));
  return {
    scores,
    tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
    failing,
  };
}

await runCommand(SPEC, async ({ values: given }) => {
  const values: Options = {
    dist: typeof given.dist === 'string' ? given.dist : undefined,
    data: String(given.data),
    runs: Number(given.runs),
    rebuild: given.rebuild === true,
  };
  const dataDir = resolve(ROOT, values.data);
  const dist = siteFolder(dataDir, values);
  const village = villageCode(dataDir, dist, values);
  const pages: [string, string][] = [
    ['首页 Home', '/'],
    ['地图 Map', '/map/'],
    [`村 Village ${village}`, `/villages/${village}/`],
  ];
  const server = await startStaticServer(dist);
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const rows: string[][] = [];
  const notes: string[] = [];
  try {
    for (const [name, path] of pages) {
      const runs: Run[] = [];
      for (let i = 0; i < values.runs; i++) runs.push(await measure(`${server.url}${path}`, chrome.port));
      const mid = (pick: (r: Run) => number) => median(runs.map(pick)) ?? NaN;
      const scores = CATEGORIES.map((c) => mid((r) => r.scores[c]));
      const met = CATEGORIES.every((c, i) => scores[i]! >= TARGETS[c]);
      rows.push([
        `${name} ${path}`,
        ...scores.map((score, i) => `${score}${score >= TARGETS[CATEGORIES[i]!] ? '' : ' ✗'}`),
        mid((r) => r.tbtMs).toFixed(0),
        (mid((r) => r.lcpMs) / 1000).toFixed(2),
        met ? '✓ 达标 met' : '✗ 未达标 not met',
      ]);
      const failing = new Map(runs.flatMap((r) => r.failing).map((audit) => [audit.id, audit]));
      if (failing.size > 0) {
        notes.push(`\n${name}：扣分的审核（任一次测量）· audits that cost points (in any run):`);
        for (const audit of failing.values()) notes.push(`  ${audit.id}: ${audit.title}${audit.displayValue === undefined ? '' : ` (${audit.displayValue})`}`);
      }
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  console.log(`\nLighthouse（移动端 mobile，${values.runs} 次中位数 median of ${values.runs}）· ${dist}`);
  printTable(
    [
      '页面 Page',
      `性能 Performance ≥${TARGETS.performance}`,
      `无障碍 Accessibility ${TARGETS.accessibility}`,
      `最佳做法 Best practices ${TARGETS['best-practices']}`,
      `SEO ${TARGETS.seo}`,
      'TBT ms',
      'LCP s',
      '状态 Status',
    ],
    rows,
  );
  for (const line of notes) console.log(line);
});
