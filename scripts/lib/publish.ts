/**
 * Validate, build beside the published folder, then swap: the steps of `npm run build` with the
 * site builder passed in, so tests can check that bad data or a failed build leaves dist/ as it was.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { formatProblems, formatReport } from '../../src/read/formatReport.ts';
import { loadDataDir } from '../../src/load/readDataDir.ts';
import { EDITION_PAGES_VARIABLE, unreleasedSince } from '../../src/load/editions.ts';
import { openEditionCache, type EditionCacheOptions } from './editionCache.ts';
import { keepPictures, rasterizeSite } from './rasterize.ts';

/** The published site: dist/, or the folder DIST_DIR names (astro.config.mjs reads the same variable). */
export const DIST_DIR = resolve(process.env.DIST_DIR ?? 'dist');

export type PublishOptions = {
  dataDir: string;
  distDir: string;
  /** Builds the site into the given folder; throws on failure. */
  buildSite: (outDir: string) => Promise<void>;
  log?: (line: string) => void;
  warn?: (line: string) => void;
  /** The day of the build (dayOfBuild in src/load/readDataDir.ts): the data's as-of may not be later. */
  today?: string;
  /** Where old editions' pages are kept between builds (scripts/lib/editionCache.ts); none by default. */
  editionCache?: EditionCacheOptions;
  /** Where the PNGs of the site's pictures are kept between builds (scripts/lib/rasterize.ts); none by default. */
  imageCache?: string;
};

export type PublishOutcome = { published: boolean; edition: string };

export async function publish({
  dataDir,
  distDir,
  buildSite,
  log = console.log,
  warn = console.error,
  today,
  editionCache,
  imageCache,
}: PublishOptions): Promise<PublishOutcome> {
  const loaded = loadDataDir(dataDir, { today });
  const { report, edition } = loaded;
  if (!report.ok) {
    warn(formatReport(report, edition));
    warn('\n未发布：dist/ 保持不变。 Not published: dist/ is unchanged.');
    return { published: false, edition };
  }
  if (report.problems.length > 0) warn(formatProblems(report.problems).join('\n'));
  const last = unreleasedSince(loaded, join(dataDir, 'editions'));
  if (last !== undefined) {
    warn(`提示：data/ 中有尚未发布为版本的改动（上一版是 ${last.id}）。运行 npm run diff 查看，npm run release 发布。`);
    warn(`Note: data/ holds changes not yet released as an edition (the last is ${last.id}). See them with npm run diff; release them with npm run release.`);
  }
  log(`数据通过校验，开始构建 · Data valid, building edition ${edition}`);

  const work = join(dirname(distDir), '.build');
  const staging = join(work, `dist-${process.pid}`);
  const previous = join(work, `previous-${process.pid}`);
  mkdirSync(work, { recursive: true });
  rmSync(staging, { recursive: true, force: true });
  const cache = editionCache === undefined ? undefined : openEditionCache(editionCache, dataDir, loaded);
  if (cache !== undefined && cache.cached.length > 0) {
    log(
      `沿用 ${cache.cached.length} 个旧版本已生成的页面，生成 ${cache.toRender.length} 个 · Reusing the pages of ${cache.cached.length} editions, rendering ${cache.toRender.length}`,
    );
  }
  const variable = process.env[EDITION_PAGES_VARIABLE];
  try {
    if (cache !== undefined) process.env[EDITION_PAGES_VARIABLE] = cache.toRender.join(',');
    await buildSite(staging);
    // Before the old editions' pages are kept: the editions rendered now keep their PNGs with them.
    const images = await rasterizeSite(staging, { cacheDir: imageCache });
    if (images.pictures > 0) {
      log(
        `图片 ${images.pictures} 张：新生成 ${images.rendered} 张，${images.fromCache} 张来自缓存，用时 ${images.seconds.toFixed(1)} 秒 · ` +
          `${images.pictures} pictures: ${images.rendered} rendered, ${images.fromCache} from the cache, in ${images.seconds.toFixed(1)} s`,
      );
    }
    cache?.finish(staging);
    if (imageCache !== undefined) keepPictures(staging, imageCache);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // The message names the cause; the stack is for developers (DEBUG=1), not for staff.
    warn(String(error instanceof Error ? ((process.env.DEBUG ? error.stack : undefined) ?? error.message) : error));
    warn('\n构建失败：dist/ 保持不变。 Build failed: dist/ is unchanged.');
    return { published: false, edition };
  } finally {
    if (variable === undefined) delete process.env[EDITION_PAGES_VARIABLE];
    else process.env[EDITION_PAGES_VARIABLE] = variable;
  }
  // Two renames, so a reader of dist/ never sees a half-written site.
  if (existsSync(distDir)) renameSync(distDir, previous);
  renameSync(staging, distDir);
  rmSync(previous, { recursive: true, force: true });
  log(`已发布到 ${distDir} · Published to ${distDir} (edition ${edition})`);
  return { published: true, edition };
}
