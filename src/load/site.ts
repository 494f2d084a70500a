/// <reference types="astro/client" />
/**
 * The Site the pages are built from, loaded once per build (and again in `npm run dev` when data/
 * changes): reads data/ (DATA_DIR), refuses data
 * that does not validate, reads the map tiles setting and the region's outline, and hands the rest to
 * buildSite (src/derive/buildSite.ts). Only pages (src/pages/) call getSite().
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, type Site } from '../derive/buildSite.ts';
import { resolveTileConfig } from '../config/tileConfig.ts';
import { DATA_DIR, dayOfBuild, loadDataDir } from './readDataDir.ts';

export type { Site } from '../derive/buildSite.ts';

/** data/geo/<region>-boundary.{wgs84,gcj02}.geojson, when the data folder has them. */
function readOutline(regionCode: string): { wgs84: unknown; gcj02?: unknown } | undefined {
  const file = (crs: string) => join(DATA_DIR, 'geo', `${regionCode}-boundary.${crs}.geojson`);
  const read = (crs: string): unknown => {
    // An outline that cannot be read is drawn as none: the validation report has already said why.
    try {
      return existsSync(file(crs)) ? (JSON.parse(readFileSync(file(crs), 'utf8')) as unknown) : undefined;
    } catch {
      return undefined;
    }
  };
  const wgs84 = read('wgs84');
  if (wgs84 === undefined) return undefined;
  const gcj02 = read('gcj02');
  return gcj02 === undefined ? { wgs84 } : { wgs84, gcj02 };
}

let cached: { site: Site; stamp: string | undefined } | undefined;

function loadSite(): Site {
  const { records, report, edition } = loadDataDir(DATA_DIR, { today: dayOfBuild() });
  if (!report.ok) {
    throw new Error(
      `数据未通过校验（${report.errors} 个错误），请先运行 npm run validate。 The data does not validate (${report.errors} errors); run npm run validate.`,
    );
  }
  const tiles = resolveTileConfig({ MAP_TILES: process.env.MAP_TILES, TIANDITU_KEY: process.env.TIANDITU_KEY });
  const outline = readOutline(records.edition[0]?.region_code ?? '');
  return buildSite({ records, report, edition, tiles, outline, devServer: Boolean(import.meta.env.DEV) });
}

/** Every file under the data folder with its size and time of change: cheap to take, as nothing is read. */
function stampDataDir(): string {
  return readdirSync(DATA_DIR, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      // A broken link or a link loop is stamped by its name alone; the validation report names it.
      try {
        const stat = statSync(join(DATA_DIR, name));
        return `${name}\0${stat.size}\0${stat.mtimeMs}`;
      } catch {
        return name;
      }
    })
    .join('\n');
}

export function getSite(): Site {
  // `npm run dev` serves while staff edit data/ (astro.config.mjs watches it and reloads the browser):
  // there the Site is loaded again when a file changed. A build loads it once. Data that does not
  // validate throws for this request only; the next request tries again.
  const stamp = import.meta.env.DEV ? stampDataDir() : undefined;
  if (cached === undefined || cached.stamp !== stamp) cached = { site: loadSite(), stamp };
  return cached.site;
}
