/**
 * The rules that need more than one row or more than one file: unique keys, foreign keys, the
 * edition's single row, the region every place must lie in, and no date after the edition's as-of.
 */
import type { AnyTable, Reference } from './field.ts';
import { toColumnLetter, type Problem } from './problem.ts';
import type { Records } from './tables.ts';
import { RECORD_KEYS, TABLES } from './tables.ts';

type AnyRecord = Record<string, unknown> & { row: number };

/** Where each column sits in its file (header as typed, position), so later problems can name the cell. */
export type ColumnPositions = Record<string, Record<string, { header: string; index: number }> | undefined>;

function recordsOf(records: Records, file: string): AnyRecord[] {
  const key = RECORD_KEYS[file as keyof typeof RECORD_KEYS];
  return key === undefined ? [] : (records[key] as unknown as AnyRecord[]);
}

function place(positions: ColumnPositions, table: AnyTable, key: string) {
  const position = positions[table.file]?.[key];
  return position === undefined
    ? { column: key }
    : { column: position.header, columnLetter: toColumnLetter(position.index) };
}

const display = (value: unknown): string => (typeof value === 'string' ? value : String(value));

/** `1506271012` → its parent code by the statistical levels 2/4/6/9/12. */
export function parentCode(code: string): string | undefined {
  const levels = [2, 4, 6, 9, 12];
  const at = levels.indexOf(code.length);
  return at > 0 ? code.slice(0, levels[at - 1]) : undefined;
}

function checkUnique(table: AnyTable, rows: AnyRecord[], positions: ColumnPositions): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const keyColumns = table.primaryKey;
  const single = keyColumns.length === 1 ? keyColumns[0]! : undefined;
  for (const record of rows) {
    let key = single === undefined ? '' : display(record[single] ?? '');
    if (single === undefined) {
      keyColumns.forEach((column, index) => {
        key = index === 0 ? display(record[column] ?? '') : `${key} + ${display(record[column] ?? '')}`;
      });
    }
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, record.row);
      continue;
    }
    problems.push({
      severity: 'error',
      rule: 'unique',
      file: table.file,
      row: record.row,
      ...place(positions, table, keyColumns[0]!),
      value: key,
      message: {
        zh: `${keyColumns.join(' + ')} 为“${key}”的行重复，第 ${first} 行已有`,
        en: `${keyColumns.join(' + ')} “${key}” appears again; row ${first} has it already`,
      },
      hint: { zh: '删除重复行，或改成唯一的值', en: 'Delete the duplicate row or make the value unique' },
    });
  }
  return problems;
}

function checkReference(
  table: AnyTable,
  reference: Reference,
  rows: AnyRecord[],
  records: Records,
  positions: ColumnPositions,
): Problem[] {
  const targets = new Set<string>();
  for (const target of [{ file: reference.file, key: reference.key }, ...(reference.also ? [reference.also] : [])]) {
    for (const record of recordsOf(records, target.file)) targets.add(display(record[target.key]));
  }
  const problems: Problem[] = [];
  for (const record of rows) {
    const value = record[reference.columns];
    if (value === undefined) continue;
    const wanted = reference.match === 'parent' ? parentCode(display(value)) : display(value);
    if (wanted !== undefined && targets.has(wanted)) continue;
    const files = [reference.file, reference.also?.file].filter(Boolean).join(' / ');
    problems.push({
      severity: 'error',
      rule: 'foreign-key',
      file: table.file,
      row: record.row,
      ...place(positions, table, reference.columns),
      value: display(value),
      message:
        reference.match === 'parent'
          ? {
              zh: `“${display(value)}”的上级区划 ${wanted ?? '?'} 不在 ${files} 中`,
              en: `The parent division ${wanted ?? '?'} of “${display(value)}” is not in ${files}`,
            }
          : { zh: `“${display(value)}”在 ${files} 中找不到`, en: `“${display(value)}” is not found in ${files}` },
      hint: {
        zh: `检查是否输错；或先在 ${files} 中添加它`,
        en: `Check for a typing error, or add it to ${files} first`,
      },
    });
  }
  return problems;
}

/** A fund tied to a project must be for the project's own village. */
function checkFundProjects(records: Records, positions: ColumnPositions): Problem[] {
  const projectVillage = new Map(records.projects.map((project) => [project.project_id, project.village_code]));
  const table = TABLES.find((t) => t.file === 'funds.csv')!;
  return records.funds.flatMap((fund): Problem[] => {
    if (fund.project_id === undefined) return [];
    const village = projectVillage.get(fund.project_id);
    if (village === undefined || village === fund.village_code) return [];
    return [
      {
        severity: 'error',
        rule: 'foreign-key',
        file: 'funds.csv',
        row: fund.row,
        ...place(positions, table, 'project_id'),
        value: fund.project_id,
        message: {
          zh: `项目 ${fund.project_id} 属于 ${village}，不属于本行的嘎查村 ${fund.village_code}`,
          en: `Project ${fund.project_id} belongs to village ${village}, not to this row's village ${fund.village_code}`,
        },
        hint: { zh: '改正村代码或项目编号', en: 'Correct the village code or the project id' },
      },
    ];
  });
}

function checkDates(table: AnyTable, rows: AnyRecord[], asOf: string, positions: ColumnPositions): Problem[] {
  const problems: Problem[] = [];
  const dateColumns = Object.entries(table.columns)
    .filter(([, field]) => field.meta.kind === 'date' || field.meta.kind === 'month')
    .map(([key, field]) => ({ key, limit: field.meta.kind === 'month' ? asOf.slice(0, 7) : asOf }));
  for (const record of rows) {
    for (const { key, limit } of dateColumns) {
      const value = record[key];
      if (typeof value !== 'string') continue;
      if (value <= limit) continue;
      problems.push({
        severity: 'error',
        rule: 'future-date',
        file: table.file,
        row: record.row,
        ...place(positions, table, key),
        value,
        message: {
          zh: `${value} 晚于数据截止日期 ${asOf}`,
          en: `${value} is after the data's as-of date ${asOf}`,
        },
        hint: {
          zh: '改正日期；或在 edition.csv 中更新数据截止日期',
          en: 'Correct the date, or move the as-of date forward in edition.csv',
        },
      });
    }
  }
  return problems;
}

function checkRegion(table: AnyTable, rows: AnyRecord[], regionCode: string, positions: ColumnPositions): Problem[] {
  const codeColumns = Object.entries(table.columns).filter(
    ([, field]) => field.meta.kind === 'code' && (field.meta.codeLengths ?? []).some((n) => n > regionCode.length),
  );
  const problems: Problem[] = [];
  for (const record of rows) {
    for (const [key] of codeColumns) {
      const value = record[key];
      if (typeof value !== 'string') continue;
      // Ancestors of the region (its province, its city) are fine in divisions.csv and reported.csv.
      if (value.startsWith(regionCode) || regionCode.startsWith(value)) continue;
      problems.push({
        severity: 'error',
        rule: 'region',
        file: table.file,
        row: record.row,
        ...place(positions, table, key),
        value,
        message: {
          zh: `${value} 不在本数据集的地区 ${regionCode} 之内`,
          en: `${value} is not inside this dataset's region ${regionCode}`,
        },
        hint: {
          zh: '检查代码；或在 edition.csv 中改正地区代码',
          en: 'Check the code, or correct the region code in edition.csv',
        },
      });
    }
  }
  return problems;
}

function checkEdition(records: Records): Problem[] {
  if (records.edition.length === 1) return [];
  const extra = records.edition[1];
  return [
    {
      severity: 'error',
      rule: 'one-row',
      file: 'edition.csv',
      ...(extra === undefined ? {} : { row: extra.row }),
      message: {
        zh: `edition.csv 应正好有一行数据，现在有 ${records.edition.length} 行`,
        en: `edition.csv must have exactly one data row; it has ${records.edition.length}`,
      },
      hint: { zh: '只保留一行：地区代码和数据截止日期', en: 'Keep one row: the region code and the as-of date' },
    },
  ];
}

/** A village still placed at its town seat should sit exactly on it, or it is mislabelled. */
function checkTownSeats(records: Records, positions: ColumnPositions): Problem[] {
  const seats = new Map(records.divisions.map((d) => [d.code, d]));
  const table = TABLES.find((t) => t.file === 'villages.csv')!;
  return records.villages.flatMap((village): Problem[] => {
    if (village.location_precision !== 'town-seat') return [];
    const town = seats.get(village.village_code.slice(0, 9));
    if (town?.seat_lon_wgs84 === undefined || town.seat_lat_wgs84 === undefined) return [];
    const far = Math.abs(town.seat_lon_wgs84 - village.lon_wgs84) + Math.abs(town.seat_lat_wgs84 - village.lat_wgs84) > 0.001;
    if (!far) return [];
    return [
      {
        severity: 'warning',
        rule: 'location',
        file: 'villages.csv',
        row: village.row,
        ...place(positions, table, 'location_precision'),
        value: '镇政府驻地',
        message: {
          zh: '位置精度为“镇政府驻地”，但经纬度不是该镇的驻地',
          en: 'Location precision is town-seat, but the point is not the town seat',
        },
        hint: {
          zh: '若这是实测位置，把位置精度改为“实测点位”',
          en: 'If the point was surveyed, set the location precision to 实测点位 (surveyed)',
        },
      },
    ];
  });
}

export function validateRecords(records: Records, positions: ColumnPositions): Problem[] {
  const problems: Problem[] = [...checkEdition(records)];
  const edition = records.edition[0];
  for (const table of TABLES as readonly AnyTable[]) {
    const rows = recordsOf(records, table.file);
    problems.push(...checkUnique(table, rows, positions));
    for (const reference of table.references) problems.push(...checkReference(table, reference, rows, records, positions));
    if (edition !== undefined) {
      if (table.file !== 'edition.csv') problems.push(...checkDates(table, rows, edition.as_of, positions));
      problems.push(...checkRegion(table, rows, edition.region_code, positions));
    }
  }
  problems.push(...checkFundProjects(records, positions), ...checkTownSeats(records, positions));
  return problems;
}
