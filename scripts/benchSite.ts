/**
 * npm run bench:site [-- --repeats 1 --no-build-timing]
 *
 * 1. Page weight: serves dist/ (built first if missing) with the project's static server, loads the
 *    home, map and one village page in Chromium with an empty cache, and sums the bytes each page
 *    transferred (gzip-encoded response bodies) and its requests, against the budgets: home ≤ 50 KB,
 *    village ≤ 25 KB, map ≤ 90 KB, the spreadsheet checker (the validator itself) ≤ 120 KB (1 KB = 1,000 bytes). Any request to a host other than the site's
 *    own is listed.
 * 2. Build time: the site's build (validate + Astro build, as `npm run build` does) against a bare
 *    Astro project with as many trivial pages as dist/ has HTML pages, generated in .build/ and
 *    using this repository's node_modules. Reported as a ratio.
 *
 * Not a timed test: it prints numbers (exit code 0 unless something could not run).
 */
import { median } from 'd3-array';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { DATA_DIR, loadDataDir } from '../src/load/readDataDir.ts';
import { startStaticServer } from './lib/staticServer.ts';
import { benchVillage, BUDGETS, KB, weighPage, type PageWeight } from './lib/pageWeight.ts';
import { DIST_DIR } from './lib/publish.ts';
import { parseOrExit, wholeNumber } from './lib/command.ts';
import { release } from './lib/release.ts';
import { BENCH_ENV as ENV, countHtmlPages, createBareProject, LINEAR_GROWTH, printTable, ROOT, run } from './lib/benchBuild.ts';
import { fromDayNumber, toDayNumber } from '../src/model/calendar.ts';

const { values } = parseOrExit<{ repeats: string; 'no-build-timing': boolean; editions: string; 'no-edition-timing': boolean }>({
  name: 'npm run bench:site',
  summary: {
    zh: '网站基准：构建时间（与同页数的空白 Astro 构建比较）、页面大小和地图首次渲染时间。',
    en: 'Site benchmark: build time (next to a bare Astro build of the same pages), page weights and the map’s first render.',
  },
  options: {
    repeats: { type: 'string', default: '1', value: 'n', description: { zh: '每项计时的次数', en: 'Times each measure is taken' }, check: wholeNumber(1) },
    'no-build-timing': { type: 'boolean', default: false, description: { zh: '不计构建时间', en: 'Skip the build timing' } },
    editions: {
      type: 'string',
      default: '1,12,60',
      value: 'n,n,…',
      description: { zh: '计时的已发布版本数，逗号分隔', en: 'Numbers of released editions to time the build with, comma-separated' },
      check: (text) =>
        /^[1-9]\d*(,[1-9]\d*)*$/.test(text) ? undefined : { zh: '应为逗号分隔的正整数', en: 'must be whole numbers above 0, separated by commas' },
    },
    'no-edition-timing': { type: 'boolean', default: false, description: { zh: '不计版本数对构建时间的影响', en: 'Skip the timing by number of editions' } },
  },
  environment: { CHROMIUM_PATH: { zh: 'Chromium 路径（默认 /usr/bin/chromium）', en: 'Path to Chromium (/usr/bin/chromium unless set)' } },
  exitCodes: { 1: { zh: '构建或测量失败', en: 'a build or a measurement failed' } },
});
const REPEATS = Math.max(1, Number(values.repeats));
const DIST = DIST_DIR;
const WORK = join(ROOT, '.build');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// ---------------------------------------------------------------------------------------------
// Page weight

async function measurePageWeights(): Promise<PageWeight[]> {
  const { records } = loadDataDir(DATA_DIR);
  const village = benchVillage(records.villages);

  const server = await startStaticServer(DIST);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const pages: [string, string, number][] = [
      ['首页 Home', '/', BUDGETS.home],
      ['地图 Map', '/map/', BUDGETS.map],
      [`村 Village ${village.village_code}`, `/villages/${village.village_code}/`, BUDGETS.village],
      ['Home (en)', '/en/', BUDGETS.home],
      ['Map (en)', '/en/map/', BUDGETS.map],
      [`Village (en) ${village.village_code}`, `/en/villages/${village.village_code}/`, BUDGETS.village],
      ['检查 Check', '/check/', BUDGETS.check],
      ['Check (en)', '/en/check/', BUDGETS.check],
    ];
    const weights: PageWeight[] = [];
    for (const [name, path, budget] of pages) weights.push(await weighPage(browser, server.url, name, path, budget));
    return weights;
  } finally {
    await browser.close();
    await server.close();
  }
}

function printWeights(weights: PageWeight[]): void {
  const header = ['页面 Page', '请求 Requests', '传输 KB (gzip)', '预算 Budget KB', '状态 Status'];
  const rows = weights.map((w) => [
    `${w.name} ${w.path}`,
    String(w.requests),
    (w.bytes / KB).toFixed(1),
    (w.budget / KB).toFixed(0),
    w.status !== 200 ? `✗ HTTP ${w.status}` : w.bytes <= w.budget ? '✓ 达标 within' : '✗ 超出 over',
  ]);
  printTable(header, rows);
  for (const w of weights.filter((w) => w.bytes > w.budget)) {
    console.log(`\n${w.name}：最大的请求 · largest requests:`);
    for (const r of w.largest) console.log(`  ${(r.bytes / KB).toFixed(1).padStart(7)} KB  ${r.url}`);
  }
  const offSite = weights.flatMap((w) => w.offSite.map((url) => `${w.path} → ${url}`));
  console.log(
    offSite.length === 0
      ? '\n✓ 没有请求其他主机 · No request to any other host'
      : `\n✗ 请求了其他主机 · Requests to other hosts:\n${offSite.map((line) => `  ${line}`).join('\n')}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Build time

function timeBuilds(pages: number): { siteMs: number; bareMs: number } {
  const bench = join(WORK, `bench-site-${process.pid}`);
  const bareDir = join(bench, 'bare');
  const siteDist = join(bench, 'site', 'dist');
  createBareProject(bareDir, pages);
  const siteSamples: number[] = [];
  const bareSamples: number[] = [];
  try {
    for (let i = 0; i < REPEATS; i++) {
      // Alternating, so a machine that slows down over time does not favour one side.
      bareSamples.push(run('npx', ['astro', 'build', '--silent'], bareDir));
      rmSync(join(bareDir, 'dist'), { recursive: true, force: true });
      siteSamples.push(run('npx', ['tsx', 'scripts/build.ts'], ROOT, { ...ENV, DIST_DIR: siteDist }));
      rmSync(siteDist, { recursive: true, force: true });
    }
  } finally {
    rmSync(bench, { recursive: true, force: true });
  }
  return { siteMs: median(siteSamples) ?? NaN, bareMs: median(bareSamples) ?? NaN };
}

// ---------------------------------------------------------------------------------------------
// Build time by number of editions

/**
 * A copy of data/ with `count` editions released one after another (monthly for five years is 60),
 * each a day later and with one amount changed, so every release holds new data. Returns a function
 * that releases one more.
 */
function dataWithEditions(dir: string, count: number): () => void {
  rmSync(dir, { recursive: true, force: true });
  cpSync(DATA_DIR, dir, { recursive: true, filter: (source) => !source.startsWith(join(DATA_DIR, 'editions')) });
  const asOf = loadDataDir(dir).records.edition[0]!.as_of;
  const editionCsv = readFileSync(join(dir, 'edition.csv'), 'utf8');
  const funds = readFileSync(join(dir, 'funds.csv'), 'utf8');
  let released = 0;
  const releaseOne = () => {
    const day = fromDayNumber(toDayNumber(asOf) + released);
    writeFileSync(join(dir, 'edition.csv'), editionCsv.replace(asOf, day));
    // The first amount, one yuan more each time: new data for every release.
    writeFileSync(
      join(dir, 'funds.csv'),
      funds.replace(/^(F[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,)(\d+)/m, (_m, head: string, amount: string) => `${head}${BigInt(amount) + BigInt(released)}`),
    );
    released += 1;
    const outcome = release({
      dataDir: dir,
      editionsDir: join(dir, 'editions'),
      note: { zh: `第 ${released} 版`, en: `Edition ${released}` },
      today: day,
      warn: () => {},
    });
    if (!outcome.released) throw new Error(`${outcome.reason.zh} · ${outcome.reason.en}`);
  };
  for (let i = 0; i < count; i += 1) releaseOne();
  return releaseOne;
}

/**
 * For each number of editions: a build with no pages kept (every edition's pages rendered: the cost
 * grows with the number of editions, and must grow no faster), a build again with nothing changed
 * (every edition's pages kept), and a build after one more release (two editions rendered).
 */
function timeEditionGrowth(counts: number[]): void {
  const bench = join(WORK, `bench-editions-${process.pid}`);
  const rows: string[][] = [];
  const cold: { ms: number; pages: number }[] = [];
  const afterRelease: number[] = [];
  try {
    // One build not timed: the first build of a run pays for cold caches (Vite, the file system),
    // which would make every later, larger count look cheaper.
    dataWithEditions(join(bench, 'warm-up'), 1);
    run('npx', ['tsx', 'scripts/build.ts'], ROOT, {
      ...ENV,
      DATA_DIR: join(bench, 'warm-up'),
      DIST_DIR: join(bench, 'dist-warm-up'),
      EDITION_CACHE_DIR: 'off',
      IMAGE_CACHE_DIR: join(bench, 'images-warm-up'),
    });
    for (const count of counts) {
      const dataDir = join(bench, `data-${count}`);
      // Each count keeps its own pages and pictures: its first build renders every PNG too (docs/performance.md, "Chart pictures").
      const env = {
        ...ENV,
        DATA_DIR: dataDir,
        DIST_DIR: join(bench, `dist-${count}`),
        EDITION_CACHE_DIR: join(bench, `cache-${count}`),
        IMAGE_CACHE_DIR: join(bench, `images-${count}`),
      };
      const releaseOne = dataWithEditions(dataDir, count);
      const coldMs = run('npx', ['tsx', 'scripts/build.ts'], ROOT, env);
      const pages = countHtmlPages(env.DIST_DIR);
      const unchangedMs = run('npx', ['tsx', 'scripts/build.ts'], ROOT, env);
      releaseOne();
      const releaseMs = run('npx', ['tsx', 'scripts/build.ts'], ROOT, env);
      cold.push({ ms: coldMs, pages });
      afterRelease.push(releaseMs);
      rows.push([
        String(count),
        String(pages),
        (coldMs / 1000).toFixed(1),
        (coldMs / pages).toFixed(1),
        (unchangedMs / 1000).toFixed(1),
        (releaseMs / 1000).toFixed(1),
      ]);
      rmSync(env.DIST_DIR, { recursive: true, force: true });
      rmSync(env.EDITION_CACHE_DIR, { recursive: true, force: true });
      rmSync(env.IMAGE_CACHE_DIR, { recursive: true, force: true });
    }
  } finally {
    rmSync(bench, { recursive: true, force: true });
  }
  printTable(
    ['版本数 Editions', '页面 Pages', '全部生成秒数 All rendered s', '每页毫秒 ms/page', '无改动重建秒数 Unchanged s', '再发布一版后秒数 After a release s'],
    rows,
  );
  // Linear growth: with nothing kept, the time per page does not rise as editions (and their pages) accumulate.
  const growth = Math.max(...cold.map(({ ms, pages }) => ms / pages / (cold[0]!.ms / cold[0]!.pages)));
  console.log(
    `\n全部生成时每页耗时最大增幅 · Largest rise in time per page, all rendered: ×${growth.toFixed(2)} ${growth <= LINEAR_GROWTH ? '✓ 近似线性 roughly linear' : '✗ 超线性 worse than linear'}`,
  );
  const releaseGrowth = Math.max(...afterRelease.map((ms) => ms / afterRelease[0]!));
  console.log(
    `发布一版后的构建时间最大增幅 · Largest rise in the build after a release: ×${releaseGrowth.toFixed(2)} (${counts[0]} → ${counts.at(-1)} 个版本 editions)`,
  );
}

// ---------------------------------------------------------------------------------------------

if (!existsSync(join(DIST, 'index.html'))) {
  console.log(`${relative(ROOT, DIST) || DIST} 中没有网站，先构建 · No site in ${DIST}; building it first`);
  run('npx', ['tsx', 'scripts/build.ts'], ROOT);
}

console.log('页面体积（gzip，空缓存）· Page weight (gzip, empty cache)\n');
printWeights(await measurePageWeights());

if (!values['no-build-timing']) {
  const pages = countHtmlPages(DIST);
  console.log(`\n构建时间 · Build time (${pages} 个 HTML 页面 HTML pages, ${REPEATS} 次取中位数 median of ${REPEATS})\n`);
  const { siteMs, bareMs } = timeBuilds(pages);
  printTable(
    ['构建 Build', '秒 Seconds'],
    [
      ['本站（校验 + 构建）This site (validate + build)', (siteMs / 1000).toFixed(1)],
      [`空白 Astro 项目 Bare Astro, ${pages} pages`, (bareMs / 1000).toFixed(1)],
      ['比值 Ratio (site ÷ bare)', (siteMs / bareMs).toFixed(2)],
    ],
  );
}

if (!values['no-edition-timing']) {
  const counts = values.editions.split(',').map(Number);
  console.log(`\n构建时间与版本数 · Build time by number of released editions (${counts.join(', ')}; 各测一次 one build each)\n`);
  timeEditionGrowth(counts);
}
