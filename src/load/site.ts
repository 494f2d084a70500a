/**
 * The Site the pages are built from, loaded once per build: reads data/ (DATA_DIR), refuses data
 * that does not validate, reads the map tiles setting and the region's outline, and hands the rest to
 * buildSite (src/derive/buildSite.ts). Only pages (src/pages/) call getSite().
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, type Site } from '../derive/buildSite.ts';
import { resolveTileConfig } from '../config/tileConfig.ts';
import { DATA_DIR, loadDataDir } from './readDataDir.ts';

export type { Site } from '../derive/buildSite.ts';

/** data/geo/<region>-boundary.{wgs84,gcj02}.geojson, when the data folder has them. */
function readOutline(regionCode: string): { wgs84: unknown; gcj02?: unknown } | undefined {
  const file = (crs: string) => join(DATA_DIR, 'geo', `${regionCode}-boundary.${crs}.geojson`);
  if (!existsSync(file('wgs84'))) return undefined;
  const wgs84: unknown = JSON.parse(readFileSync(file('wgs84'), 'utf8'));
  return existsSync(file('gcj02')) ? { wgs84, gcj02: JSON.parse(readFileSync(file('gcj02'), 'utf8')) as unknown } : { wgs84 };
}

let cached: Site | undefined;

function loadSite(): Site {
  const { records, report, edition } = loadDataDir();
  if (!report.ok) {
    throw new Error(
      `数据未通过校验（${report.errors} 个错误），请先运行 npm run validate。 The data does not validate (${report.errors} errors); run npm run validate.`,
    );
  }
  const tiles = resolveTileConfig({ MAP_TILES: process.env.MAP_TILES, TIANDITU_KEY: process.env.TIANDITU_KEY });
  return buildSite({ records, report, edition, tiles, outline: readOutline(records.edition[0]?.region_code ?? '') });
}

export function getSite(): Site {
  cached ??= loadSite();
  return cached;
}
