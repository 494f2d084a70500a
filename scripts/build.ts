/**
 * npm run build: validate data/, and only if it passes, build the site beside dist/ and swap it in.
 * A failed validation or a failed build leaves the published dist/ exactly as it was.
 */
import { cpSync, renameSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DATA_DIR, dayOfBuild } from '../src/load/readDataDir.ts';
import { DIST_DIR, publish } from './lib/publish.ts';
import { runCommand } from './lib/command.ts';
import { toolFingerprint } from './lib/editionCache.ts';
import { layOutShard, prepareShard } from './lib/shard.ts';
import { checkShardCodeForm } from '../src/derive/shard.ts';

const root = resolve('.');

/**
 * Astro 5 builds into a folder outside the project with some of its own files left in it
 * (content-assets.mjs, content-modules.mjs, data-store.json after `npm run dev`); inside the project it
 * does not. So a DIST_DIR elsewhere is built inside and moved out (copied when on another disk).
 */
async function buildSite(outDir: string): Promise<void> {
  // Imported when building, not before: `--help` answers at once instead of after loading Astro.
  const { build } = await import('astro');
  const inside = !relative(root, outDir).startsWith('..');
  if (inside) return build({ root, outDir, logLevel: 'warn' });
  const work = join(root, '.build', `site-${process.pid}`);
  try {
    await build({ root, outDir: work, logLevel: 'warn' });
    // A rename when both are on one disk: a province's site is 260,000 files and 4 GB to copy.
    try {
      renameSync(work, outDir);
    } catch {
      cpSync(work, outDir, { recursive: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await runCommand(
  {
    name: 'npm run build',
    summary: {
      zh: '校验 data/，通过后构建网站并替换 dist/；校验或构建失败时 dist/ 保持不变。',
      en: 'Validates data/ and, only if it passes, builds the site and swaps it into dist/; a failed check or build leaves dist/ as it was.',
    },
    options: {
      only: {
        type: 'string',
        value: '代码 code',
        description: {
          zh: '只生成这个省、市、县或镇（数据集中的一个区划）：放在 <code>/ 下的独立网站、共用的 _astro/ 和列出各地区的索引页，各部分复制到一起即为整个网站（见 docs/scale.md）',
          en: 'Build only this province, city, county or town of the dataset: a site of its own under <code>/, shared _astro/ assets and an index page of the places; copied together, the parts make the whole site (docs/scale.md)',
        },
        check: checkShardCodeForm,
      },
    },
    environment: {
      DATA_DIR: { zh: '数据文件夹（默认 data/）', en: 'The data folder (data/ unless set)' },
      DIST_DIR: { zh: '网站输出文件夹（默认 dist/）', en: 'The output folder for the site (dist/ unless set)' },
      SITE_URL: {
        zh: '网站地址，优先于 region.json 的 site.url（见 README“配置”）',
        en: 'The site’s address, over region.json’s site.url (see README, Configure)',
      },
      BASE_PATH: { zh: '网站所在的路径，优先于 region.json 的 site.base', en: 'The path the site lives under, over region.json’s site.base' },
      MAP_TILES: {
        zh: '地图底图（none、osm、tianditu、amap），优先于 region.json 的 map.tiles',
        en: 'The map tiles (none, osm, tianditu, amap), over region.json’s map.tiles',
      },
      TIANDITU_KEY: { zh: '天地图密钥（只从环境变量读取）', en: 'The Tianditu key (read from the environment only)' },
      IMAGE_CACHE_DIR: {
        zh: '图表图片（PNG）的缓存文件夹（默认 .cache/images；off 表示不用缓存、每次全部生成）',
        en: 'Where the PNGs of charts and social cards are kept between builds (.cache/images unless set; off renders every picture every time)',
      },
      EDITION_CACHE_DIR: {
        zh: '旧版本页面的缓存文件夹（默认 .cache/edition-pages；off 表示不用缓存、每次全部生成）',
        en: 'Where old editions’ pages are kept between builds (.cache/edition-pages unless set; off renders every edition every time)',
      },
    },
    exitCodes: { 1: { zh: '数据有错误或构建失败，未发布', en: 'the data has errors or the build failed; nothing was published' } },
    examples: ['npm run build', 'DIST_DIR=/srv/www npm run build', 'DIST_DIR=shards/15 npm run build -- --only 15'],
  },
  async ({ values }) => {
    const dir = process.env.EDITION_CACHE_DIR ?? join(root, '.cache', 'edition-pages');
    const editionCache = dir === 'off' ? undefined : { dir: resolve(dir), fingerprint: toolFingerprint(root) };
    const images = process.env.IMAGE_CACHE_DIR ?? join(root, '.cache', 'images');
    const imageCache = images === 'off' ? undefined : resolve(images);
    const only = values.only as string | undefined;
    if (only === undefined)
      return (await publish({ dataDir: DATA_DIR, distDir: DIST_DIR, buildSite, today: dayOfBuild(), editionCache, imageCache })).published ? 0 : 1;
    // A shard (scripts/lib/shard.ts): its own data folder and base path, built as any region is, then laid out for merging.
    const work = join(root, '.build', `shard-${process.pid}`);
    try {
      const plan = prepareShard({ dataDir: DATA_DIR, code: only, workDir: join(work, 'data'), today: dayOfBuild() });
      if (plan === undefined) return 1;
      process.env.DATA_DIR = plan.dataDir;
      process.env.BASE_PATH = plan.base;
      const buildShard = async (outDir: string) => {
        await buildSite(join(work, 'site'));
        layOutShard(plan, join(work, 'site'), outDir);
      };
      return (await publish({ dataDir: plan.dataDir, distDir: DIST_DIR, buildSite: buildShard, today: dayOfBuild(), imageCache })).published ? 0 : 1;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
);
