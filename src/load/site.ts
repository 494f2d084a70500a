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
import { tilesSetting } from '../model/regionConfig.ts';
import { readRegionConfig } from './siteSettings.ts';
import { DATA_DIR, dayOfBuild, loadDataDir } from './readDataDir.ts';
import { EDITIONS_DIR, listEditions, loadEdition, unreleasedSince } from './editions.ts';
import { readEditionFigures } from './editionHistory.ts';
import { movedSinceRelease } from '../derive/compareEditions.ts';
import { codeOfPath } from '../derive/placePath.ts';
import { formatFigureMove } from '../derive/formatComparison.ts';
import { areaOutlinesFile } from '../model/regionOutline.ts';

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

/** data/geo/<region>-areas.wgs84.geojson (a city's or province's counties), when the data folder has it. */
function readAreas(regionCode: string): unknown {
  const file = join(DATA_DIR, 'geo', areaOutlinesFile(regionCode));
  // Areas that cannot be read are drawn without outlines: the map still shows every village.
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

let cached: { site: Site; stamp: string | undefined } | undefined;

/** MAP_TILES when set, else the default tiles of data/region.json, else none. */
const readTiles = () => resolveTileConfig({ MAP_TILES: tilesSetting(process.env.MAP_TILES, readRegionConfig()), TIANDITU_KEY: process.env.TIANDITU_KEY });

function loadSite(): Site {
  const loaded = loadDataDir(DATA_DIR, { today: dayOfBuild() });
  const { records, report, edition } = loaded;
  if (!report.ok) {
    throw new Error(
      `数据未通过校验（${report.errors} 个错误），请先运行 npm run validate。 The data does not validate (${report.errors} errors); run npm run validate.`,
    );
  }
  const regionCode = records.edition[0]?.region_code ?? '';
  const outline = readOutline(regionCode);
  const last = listEditions(EDITIONS_DIR).at(-1);
  // Live pages of data no one released say so: a reader should not cite a preview.
  const released = last !== undefined && unreleasedSince(loaded, EDITIONS_DIR) === undefined;
  const standing = released ? ({ kind: 'released' } as const) : ({ kind: 'unreleased', last: last?.id } as const);
  const release = released ? { id: last.id, asOf: last.asOf, released: last.released } : undefined;
  return buildSite({
    records,
    report,
    edition,
    tiles: readTiles(),
    outline,
    areas: readAreas(regionCode),
    devServer: Boolean(import.meta.env.DEV),
    standing,
    release,
  });
}

/** The last edition Sites built, by id: a build renders one edition's pages after another. */
const editionSites = new Map<string, Site>();
const KEEP_EDITION_SITES = 2;

/**
 * One released edition's Site, built from its frozen copy only (migrated to today's layout), for its
 * own pages under /editions/<id>/. Its headline figures are computed again and must equal those it
 * released (figures.json): if a later version of the tool would change them, the build stops here,
 * naming them, rather than publish an old edition with new numbers.
 */
export function getEditionSite(id: string): Site {
  const found = editionSites.get(id);
  if (found !== undefined) return found;
  const editions = listEditions(EDITIONS_DIR);
  const manifest = editions.find((e) => e.id === id);
  if (manifest === undefined) throw new Error(`没有版本 ${id}。 No edition ${id}.`);
  const { records, report } = loadEdition(manifest);
  if (!report.ok) {
    throw new Error(
      `版本 ${id} 的冻结数据不能被本版本的工具读取（${report.errors} 个错误）：请在 src/read/migrateEdition.ts 中记录迁移（见 docs/editions.md）。` +
        ` Edition ${id}'s frozen data no longer reads with this version of the tool (${report.errors} errors): record a migration in src/read/migrateEdition.ts (see docs/editions.md).`,
    );
  }
  const moved = movedSinceRelease(readEditionFigures(id), report.reconciliation);
  if (moved.length > 0) {
    throw new Error(
      `版本 ${id} 的数字与发布时不同，本版本的工具会改变旧版本的数字 · Edition ${id}'s figures differ from those it released: this version of the tool would change an old edition's numbers\n` +
        moved.map(formatFigureMove).join('\n'),
    );
  }
  const live = getSite();
  const latest = editions.at(-1)!.id;
  const site = buildSite({
    records,
    report,
    edition: id,
    tiles: readTiles(),
    outline: readOutline(manifest.regionCode),
    areas: readAreas(manifest.regionCode),
    release: { id, asOf: manifest.asOf, released: manifest.released },
    standing: {
      kind: 'frozen',
      latest: latest === id ? undefined : latest,
      // The same page on the live site, or its home when the place is no longer there.
      livePath: (path) => {
        const code = codeOfPath(path);
        return code === undefined || live.tree.places.has(code) ? path : '/';
      },
    },
  });
  if (editionSites.size >= KEEP_EDITION_SITES) editionSites.delete(editionSites.keys().next().value!);
  editionSites.set(id, site);
  return site;
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
