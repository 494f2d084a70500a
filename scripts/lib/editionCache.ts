/**
 * Old editions' pages, kept between builds. An edition's pages depend only on its frozen data, whether
 * it is the latest, the places the live site still has (the banner's links), the region's outline and
 * the tool itself; a build whose inputs match an earlier one's copies those pages in rather than
 * rendering them again, and fills in the latest edition's name (src/publish/latestEdition.ts). So a
 * release renders two editions' pages (the new one and the one it replaces), not every edition's.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { listEditions, sha256 } from '../../src/load/editions.ts';
import type { DataDir } from '../../src/load/readDataDir.ts';
import { fillLatestEdition } from '../../src/publish/latestEdition.ts';

/** The files whose change may change any page: the tool's source, its locked packages, its settings. */
const TOOL_FILES = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];
/** Settings read from the environment that show in pages (addresses, the map tiles in the CSP). */
const PAGE_VARIABLES = ['SITE_URL', 'BASE_PATH', 'MAP_TILES', 'TIANDITU_KEY'];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .map((name) => join(path, name))
    .filter((file) => statSync(file).isFile())
    .sort();
}

/** A digest of what any page is rendered from besides its data: the tool, and its page settings (the variables and data/region.json). */
export function toolFingerprint(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const files = TOOL_FILES.flatMap((name) => filesUnder(join(root, name))).map((file) => `${relative(root, file)}\0${sha256(readFileSync(file))}`);
  const regionConfig = join(env.DATA_DIR ?? join(root, 'data'), 'region.json');
  const settings = existsSync(regionConfig) ? [`region.json\0${sha256(readFileSync(regionConfig))}`] : [];
  return sha256([...files, ...settings, ...PAGE_VARIABLES.map((name) => `${name}=${env[name] ?? ''}`)].join('\n'));
}

export type EditionCacheOptions = {
  /** Where the pages are kept, one folder per key. */
  dir: string;
  /** toolFingerprint of the tool that builds. */
  fingerprint: string;
};

export type EditionCache = {
  /** The editions whose pages this build must render. */
  toRender: string[];
  /** The editions whose pages are copied from the cache. */
  cached: string[];
  /** After the build into `site`: copy the cached editions' pages in, keep the rendered ones, drop the rest. */
  finish: (site: string) => void;
};

/** An edition's pages in a built site: the Chinese under editions/<id>/, the English under en/editions/<id>/. */
const editionFolders = (site: string, id: string) => ({ zh: join(site, 'editions', id), en: join(site, 'en', 'editions', id) });
/** Written last into a kept edition's folder: its id and the latest edition its banners name. */
const COMPLETE = '.complete';
const marker = (id: string, latest: string | undefined) => `${JSON.stringify({ id, latest })}\n`;

/**
 * The files of one folder in another as hard links where the file system allows, else as copies: the
 * cache and the built sites share bytes that nobody changes in place (replaceFile writes a new file).
 */
function linkTree(from: string, to: string): void {
  for (const file of filesUnder(from)) {
    const target = join(to, relative(from, file));
    mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(file, target);
    } catch {
      copyFileSync(file, target);
    }
  }
}

/** A file's new content as a new file renamed over it, so no hard link to the old one sees the change. */
function replaceFile(file: string, content: string): void {
  const work = `${file}.${process.pid}.tmp`;
  writeFileSync(work, content);
  renameSync(work, file);
}

export function openEditionCache({ dir, fingerprint }: EditionCacheOptions, dataDir: string, live: DataDir): EditionCache {
  const editions = listEditions(join(dataDir, 'editions'));
  const latest = editions.at(-1)?.id;
  // The live site's places: the banner links to a place's live page, or to the home page when it is gone; the frame names the region.
  const places = sha256(
    JSON.stringify([...live.records.divisions.map((d) => [d.code, d.name, d.name_en]), ...live.records.villages.map((v) => [v.village_code])]),
  );
  const outline = sha256(
    filesUnder(join(dataDir, 'geo'))
      .map((file) => sha256(readFileSync(file)))
      .join(','),
  );
  const keys = new Map(
    editions.map((edition, index) => [
      edition.id,
      sha256(
        JSON.stringify({
          fingerprint,
          places,
          outline,
          id: edition.id,
          files: edition.files,
          previous: editions[index - 1]?.id,
          latest: edition.id === latest,
        }),
      ),
    ]),
  );
  const has = (id: string) => existsSync(join(dir, keys.get(id)!, COMPLETE));
  const cached = editions.filter((e) => has(e.id)).map((e) => e.id);
  const toRender = editions.filter((e) => !has(e.id)).map((e) => e.id);

  return {
    toRender,
    cached,
    finish(site) {
      for (const id of cached) {
        const from = join(dir, keys.get(id)!);
        // The latest edition's name is filled in once per release, in the cache itself.
        if (readFileSync(join(from, COMPLETE), 'utf8') !== marker(id, latest)) {
          for (const file of filesUnder(from).filter((f) => f.endsWith('.html'))) replaceFile(file, fillLatestEdition(readFileSync(file, 'utf8'), latest!));
          replaceFile(join(from, COMPLETE), marker(id, latest));
        }
        for (const [locale, to] of Object.entries(editionFolders(site, id))) linkTree(join(from, locale), to);
      }
      for (const id of toRender) {
        const key = keys.get(id)!;
        const work = join(dir, `.${key}-${process.pid}`);
        rmSync(work, { recursive: true, force: true });
        mkdirSync(work, { recursive: true });
        for (const [locale, from] of Object.entries(editionFolders(site, id))) if (existsSync(from)) linkTree(from, join(work, locale));
        writeFileSync(join(work, COMPLETE), marker(id, latest));
        rmSync(join(dir, key), { recursive: true, force: true });
        renameSync(work, join(dir, key));
      }
      // Only this build's keys stay: an edition's pages of an older tool or older data are never used again.
      const kept = new Set(keys.values());
      if (existsSync(dir)) for (const name of readdirSync(dir)) if (!kept.has(name)) rmSync(join(dir, name), { recursive: true, force: true });
    },
  };
}
