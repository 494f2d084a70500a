/**
 * Data that is well formed but cannot be true: a village placed outside its region (at 0, 0 or in
 * Beijing), and an amount out of all proportion to the region's reported total or to the other rows
 * of its column (3,200亿 for one village). The first is an error; the second a warning, since a large
 * amount may be right, but staff should look at it before it is published.
 */
import type { MultiPolygon } from 'geojson';
import type { Bilingual } from '../i18n/locale.ts';
import { formatCount, formatYuan } from '../format/formatNumber.ts';
import { formatHundredths } from '../format/money.ts';
import { isMoneyUnit } from '../format/formatFigure.ts';
import { isWithin } from '../model/divisionCode.ts';
import { metresOutside } from '../model/regionOutline.ts';
import type { AnyTable } from './field.ts';
import { locateColumn, type ColumnPositions, type Problem } from './problem.ts';
import { RECORD_KEYS, TABLES, type Records } from './tables.ts';

/**
 * How far outside the region's outline a point may lie and still pass, in metres. The outline is a
 * generalised boundary (drawn to about 100 m – 1 km) and geocoded points are good to about 1 km,
 * so a village on the border may fall just outside it; 5 km allows for both and still catches a
 * point in another county, in Beijing or at (0, 0).
 */
export const OUTLINE_TOLERANCE_METRES = 5_000;

/** An amount larger than this many times the median of its column's other rows is out of proportion. */
export const MEDIAN_MULTIPLE = 100n;

/** A median of fewer other rows than this says nothing about a file's proportions. */
export const MEDIAN_MIN_ROWS = 2;

/** Distances in whole kilometres, as a reader says them; a distance under 1 km is "1". */
const kilometres = (metres: number): string => formatCount(Math.max(1, Math.round(metres / 1000)), 'en');

type Point = { file: string; row: number; lonKey: string; lon: number; lat: number };

/** Villages' points, and the seats of the region's own divisions (not its province's or city's). */
function pointsOf(records: Records, regionCode: string): Point[] {
  const points: Point[] = records.villages.map((v) => ({ file: 'villages.csv', row: v.row, lonKey: 'lon_wgs84', lon: v.lon_wgs84, lat: v.lat_wgs84 }));
  for (const division of records.divisions) {
    const { seat_lon_wgs84: lon, seat_lat_wgs84: lat } = division;
    if (lon === undefined || lat === undefined || !isWithin(division.code, regionCode)) continue;
    points.push({ file: 'divisions.csv', row: division.row, lonKey: 'seat_lon_wgs84', lon, lat });
  }
  return points;
}

/** Every village and seat within OUTLINE_TOLERANCE_METRES of the region's outline (wound for d3). */
export function checkLocations(records: Records, regionCode: string, outline: MultiPolygon, positions: ColumnPositions, problems: Problem[]): void {
  const tolerance = kilometres(OUTLINE_TOLERANCE_METRES);
  for (const point of pointsOf(records, regionCode)) {
    const metres = metresOutside(outline, [point.lon, point.lat]);
    if (metres <= OUTLINE_TOLERANCE_METRES) continue;
    const where = `${point.lon}, ${point.lat}`;
    problems.push({
      severity: 'error',
      rule: 'outside-outline',
      file: point.file,
      row: point.row,
      ...locateColumn(positions, point.file, point.lonKey),
      value: where,
      message: {
        zh: `经纬度（${where}）在地区 ${regionCode} 的边界之外约 ${kilometres(metres)} 公里（允许误差 ${tolerance} 公里）`,
        en: `The point (${where}) lies about ${kilometres(metres)} km outside the outline of region ${regionCode} (tolerance ${tolerance} km)`,
      },
      hint: {
        zh: '检查经度、纬度是否填反、漏填成 0 或属于别的地区；经纬度用 WGS-84（经度在前）',
        en: 'Check that longitude and latitude are not swapped, zero or from another place; both are WGS-84, longitude first',
      },
    });
  }
}

/** The money columns of a table, with the region's reported total of each when reported.csv has an exact one. */
function amountColumns(table: AnyTable, records: Records, regionCode: string | undefined): { key: string; total?: { value: bigint; row: number } }[] {
  return Object.entries(table.columns)
    .filter(([, field]) => field.meta.kind === 'money')
    .map(([key, { meta }]) => {
      // A figure reported as "at least" bounds nothing above; one of another place is not the region's total.
      const reported = records.reported.find(
        (r) => r.key === meta.reportedTotal && r.scope_code === regionCode && r.qualifier === 'exact' && isMoneyUnit(r.unit),
      );
      return reported === undefined ? { key } : { key, total: { value: reported.value, row: reported.row } };
    });
}

/** First index in an ascending array at which `value` could be inserted. */
function lowerBound(sorted: readonly bigint[], value: bigint): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Twice the median of `sorted` without its element at `skip` (twice, so it stays a whole number of fen). */
function twiceMedianWithout(sorted: readonly bigint[], skip: number): bigint {
  const count = sorted.length - 1;
  const at = (i: number): bigint => sorted[i < skip ? i : i + 1]!;
  return at(Math.floor((count - 1) / 2)) + at(Math.floor(count / 2));
}

/**
 * A warning for every amount larger than the region's reported total of its column, or more than
 * MEDIAN_MULTIPLE times the median of the column's other rows (when there are enough of them and
 * their median is not zero).
 */
export function checkAmounts(records: Records, positions: ColumnPositions, problems: Problem[]): void {
  const regionCode = records.edition[0]?.region_code;
  for (const table of TABLES as readonly AnyTable[]) {
    const rows = records[RECORD_KEYS[table.file as keyof typeof RECORD_KEYS]] as (Record<string, unknown> & { row: number })[];
    for (const { key, total } of amountColumns(table, records, regionCode)) {
      const amounts = rows.filter((row) => typeof row[key] === 'bigint');
      const sorted = amounts.map((row) => row[key] as bigint).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const row of amounts) {
        const amount = row[key] as bigint;
        const reasons: Bilingual[] = [];
        if (total !== undefined && amount > total.value) reasons.push(aboveTotal(total));
        if (sorted.length - 1 >= MEDIAN_MIN_ROWS) {
          const twiceMedian = twiceMedianWithout(sorted, lowerBound(sorted, amount));
          if (twiceMedian > 0n && 2n * amount > MEDIAN_MULTIPLE * twiceMedian) reasons.push(aboveMedian(amount, twiceMedian, sorted.length - 1));
        }
        if (reasons.length > 0) problems.push(outOfProportion(table, row.row, key, amount, reasons, positions));
      }
    }
  }
}

function aboveTotal(total: { value: bigint; row: number }): Bilingual {
  return {
    zh: `超过全地区报告的总数 ${formatYuan(total.value, 'zh-CN')}（reported.csv 第 ${total.row} 行）`,
    en: `it is larger than the region's reported total of ${formatYuan(total.value, 'en')} (row ${total.row} of reported.csv)`,
  };
}

function aboveMedian(amount: bigint, twiceMedian: bigint, others: number): Bilingual {
  const times = formatCount(Number((2n * amount) / twiceMedian), 'en');
  const median = twiceMedian / 2n;
  return {
    zh: `是本列其他 ${others} 行中位数 ${formatYuan(median, 'zh-CN')} 的 ${times} 倍（超过 ${MEDIAN_MULTIPLE} 倍）`,
    en: `it is ${times} times ${formatYuan(median, 'en')}, the median of the column's other ${others} rows (more than ${MEDIAN_MULTIPLE} times)`,
  };
}

function outOfProportion(table: AnyTable, row: number, key: string, amount: bigint, reasons: Bilingual[], positions: ColumnPositions): Problem {
  return {
    severity: 'warning',
    rule: 'implausible-amount',
    file: table.file,
    row,
    ...locateColumn(positions, table.file, key),
    value: formatHundredths(amount),
    message: {
      zh: `金额 ${formatYuan(amount, 'zh-CN')} 不成比例：${reasons.map((r) => r.zh).join('；')}`,
      en: `The amount ${formatYuan(amount, 'en')} is out of all proportion: ${reasons.map((r) => r.en).join('; ')}`,
    },
    hint: {
      zh: '检查单位和位数（如把“万”写成“亿”，或多输了 0）；金额无误时可以发布，但请再核对一次',
      en: 'Check the unit and the digits (亿 typed for 万, or extra zeros); if the amount is right it can be published, but check it once more',
    },
  };
}
