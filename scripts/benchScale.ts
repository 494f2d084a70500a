/**
 * npm run bench:scale [-- --regions 150627,1506,15 --out docs/bench/scale-<date>.json --keep]
 *
 * Issue 18's scale benchmark: for each region (default: the county 150627, the city 1506, the
 * province 15), a temporary folder is started and filled as init-region and data:sample do, then
 * validated and built as `npm run build` does (scripts/build.ts, in a process of its own, its whole
 * process tree's memory read from /proc). Printed per region: pages, build time, time per page, the
 * ratio to a bare Astro build of as many pages (timed right after, in the same run), peak RSS and the
 * size of dist/, each beside its target (met / not met); then the growth in time per page from the
 * first region to the last. Not a timed test: it prints numbers (exit code 0 unless something could
 * not run). A city takes some 40 minutes on the 2-core build machine, the province hours.
 *
 * Pictures: each region's build has a PNG cache of its own in its temporary folder, empty (every
 * picture rendered, as in a first build) unless IMAGE_CACHE_DIR names a cache to start from, which is
 * copied by hard links so that the build's pruning of its cache never touches the one given.
 */
import { linkSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runCommand, type CommandSpec } from './lib/command.ts';
import { initRegion, EDITIONS } from './initRegion.ts';
import { generateSample } from './generateSample.ts';
import { BENCH_ENV, countFiles, countHtmlPages, folderBytes, LINEAR_GROWTH, printTable, ROOT, timeBareBuild } from './lib/benchBuild.ts';
import { runMeasured } from './lib/processTree.ts';
import { growthLine, scaleJson, scaleRows, SCALE_HEADER, type RegionResult } from './lib/scaleResults.ts';
import { levelOf } from '../src/model/divisionCode.ts';
import { dayAt } from '../src/model/calendar.ts';

/** The as-of of a region without a published source: the date tests/unit/anyLevel.test.ts starts regions with. */
const DEFAULT_AS_OF = '2024-06-30';
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

const SPEC: CommandSpec = {
  name: 'npm run bench:scale',
  summary: {
    zh: '规模基准：在临时文件夹中初始化并生成示意数据（旗县、市、省），校验并构建，打印页数、构建时间、每页耗时、与同页数空白 Astro 构建之比、峰值内存、dist/ 大小及是否达标。',
    en: 'Scale benchmark: starts and fills with sample data a county, a city and the province in temporary folders, validates and builds each, and prints pages, build time, time per page, the ratio to a bare Astro build of as many pages, peak memory, the size of dist/, and whether each target is met.',
  },
  options: {
    regions: {
      type: 'string',
      default: '150627,1506,15',
      value: '代码 code,…',
      description: { zh: '要测量的地区代码，逗号分隔，由小到大', en: 'The region codes to measure, comma-separated, smallest first' },
      check: (text) =>
        /^(\d{2}|\d{4}|\d{6}|\d{9})(,(\d{2}|\d{4}|\d{6}|\d{9}))*$/.test(text)
          ? undefined
          : { zh: '应为逗号分隔的 2、4、6 或 9 位地区代码', en: 'must be region codes of 2, 4, 6 or 9 digits, separated by commas' },
    },
    out: { type: 'string', value: '文件 file', description: { zh: '把结果另存为 JSON 文件', en: 'Also write the results to this JSON file' } },
    keep: { type: 'boolean', default: false, description: { zh: '保留临时文件夹（数据和网站）', en: 'Keep the temporary folders (data and site)' } },
  },
  environment: {
    IMAGE_CACHE_DIR: {
      zh: '起始的图片缓存（以硬链接复制，不会改动；默认每个地区从空缓存开始，全部图片重新生成）',
      en: 'A picture cache to start each build from (copied by hard links, never changed; by default each region starts empty and renders every picture)',
    },
  },
  exitCodes: { 1: { zh: '初始化、构建或测量失败', en: 'starting a region, a build or a measurement failed' } },
  examples: ['npm run bench:scale -- --regions 150627', 'npm run bench:scale -- --out docs/bench/scale-2026-12-07.json'],
};

/** The files of a flat cache folder linked into another (copied where links cannot be made). */
function linkCache(from: string, to: string): number {
  mkdirSync(to, { recursive: true });
  let files = 0;
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    try {
      linkSync(join(from, entry.name), join(to, entry.name));
    } catch {
      copyFileSync(join(from, entry.name), join(to, entry.name));
    }
    files += 1;
  }
  return files;
}

async function measureRegion(code: string, keep: boolean): Promise<RegionResult> {
  const dir = mkdtempSync(join(tmpdir(), `bench-scale-${code}-`));
  const data = join(dir, 'data');
  const dist = join(dir, 'dist');
  try {
    const started = performance.now();
    initRegion({ regionCode: code, outDir: data, asOf: EDITIONS[code]?.asOf ?? DEFAULT_AS_OF });
    generateSample({ inDir: data, outDir: data });
    const prepareMs = performance.now() - started;
    console.log(`  ${code}: 数据已生成 · data ready in ${(prepareMs / 1000).toFixed(1)} s (${data})`);

    const given = process.env.IMAGE_CACHE_DIR;
    const images = given === 'off' ? 'off' : join(dir, 'images');
    if (given !== undefined && given !== 'off') {
      const files = linkCache(resolve(given), images);
      console.log(`  ${code}: 图片缓存 · picture cache: ${files} files linked from ${given}`);
    }
    const build = await runMeasured(TSX, [join(ROOT, 'scripts', 'build.ts')], {
      cwd: ROOT,
      env: { ...BENCH_ENV, DATA_DIR: data, DIST_DIR: dist, EDITION_CACHE_DIR: 'off', IMAGE_CACHE_DIR: images },
    });
    if (build.exitCode !== 0) {
      throw new Error(`${code}: scripts/build.ts 失败 · failed (exit ${build.exitCode})\n${build.stdout}\n${build.stderr}`);
    }
    const pictures = /^图片 .*$/m.exec(build.stdout)?.[0];
    const pages = countHtmlPages(dist);
    console.log(`  ${code}: 已构建 · built ${pages} pages in ${(build.ms / 1000).toFixed(1)} s${pictures === undefined ? '' : `; ${pictures}`}`);
    const bareMs = timeBareBuild(join(ROOT, '.build', `bench-scale-bare-${process.pid}`), pages);
    console.log(`  ${code}: 空白 Astro · bare Astro, ${pages} pages: ${(bareMs / 1000).toFixed(1)} s`);
    return {
      code,
      level: levelOf(code),
      prepareMs,
      pages,
      files: countFiles(dist),
      buildMs: build.ms,
      bareMs,
      peakRssBytes: build.peakRssBytes,
      distBytes: folderBytes(dist),
      pictures,
    };
  } finally {
    if (keep) console.log(`  ${code}: 保留 · kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await runCommand(SPEC, async ({ values }) => {
  const codes = String(values.regions).split(',');
  const results: RegionResult[] = [];
  console.log(`规模基准 · Scale benchmark: ${codes.join(', ')} (${cpus().length} cores, ${(totalmem() / 1e9).toFixed(0)} GB)\n`);
  for (const code of codes) results.push(await measureRegion(code, values.keep === true));
  console.log('');
  printTable(SCALE_HEADER, scaleRows(results));
  console.log(`\n${growthLine(results, LINEAR_GROWTH)}`);
  if (typeof values.out === 'string') {
    const file = resolve(values.out);
    const meta = {
      measuredOn: dayAt(Date.now()),
      cores: cpus().length,
      memoryBytes: totalmem(),
      imageCache: process.env.IMAGE_CACHE_DIR === undefined ? 'empty' : 'given',
    };
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(scaleJson(results, meta, LINEAR_GROWTH), null, 2)}\n`);
    console.log(`\n结果已写入 · Results written to ${file}`);
  }
});
