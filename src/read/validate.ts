/**
 * The rules that need more than one row or more than one file: unique keys, foreign keys, the
 * edition's single row, the region every place must lie in, and no date after the edition's as-of.
 */
import type { Bilingual } from '../i18n/locale.ts';
import { EARLIEST_YEAR, type AnyTable, type Reference } from './field.ts';
import { locateColumn, type Cause, type ColumnPositions, type Problem } from './problem.ts';
import { KeyIndex, keyText } from './keyIndex.ts';
import type { Edition, Fund, Records, Sourced } from './tables.ts';
import { FUND_SOURCE_KINDS, LOCATION_PRECISIONS } from '../model/vocabulary.ts';
import { ancestorAt, isWithin, parentOf } from '../model/divisionCode.ts';
import { monthOfDate } from '../model/calendar.ts';
import { editionTable, fundsTable, RECORD_KEYS, TABLES } from './tables.ts';
import { checkAmounts, checkLocations } from './plausible.ts';
import type { MultiPolygon } from 'geojson';

type AnyRecord = Record<string, unknown> & { row: number };

/** Per file, the keys of rows rejected for a bad cell, with their rows (readTable's `rejectedKeys`). */
export type RejectedKeys = Record<string, ReadonlyMap<string, number> | undefined>;

function recordsOf(records: Records, file: string): AnyRecord[] {
  const key = RECORD_KEYS[file as keyof typeof RECORD_KEYS];
  return key === undefined ? [] : records[key];
}

/**
 * Each file's rows by a key, built once however many rules and files need it: the unique check
 * indexes a file by its primary key, and the foreign keys pointing at that key find rows there.
 */
type Indexes = (file: string, columns: readonly string[]) => KeyIndex<AnyRecord>;

function indexFiles(records: Records): Indexes {
  const indexes = new Map<string, KeyIndex<AnyRecord>>();
  return (file, columns) => {
    const id = `${file}\u0000${columns.join('\u0000')}`;
    let index = indexes.get(id);
    if (index === undefined) indexes.set(id, (index = new KeyIndex(recordsOf(records, file), columns)));
    return index;
  };
}

/**
 * A column that the row a foreign key finds must share with the row that refers to it: a fund tied
 * to a project must be for the project's own village. Checked where the key is looked up, so the
 * project is found once (and KeyIndex.holds mostly answers without reading the project's row).
 */
type Agreement = { column: string; problem: (record: AnyRecord, target: AnyRecord, positions: ColumnPositions) => Problem };

const AGREEMENTS: Record<string, Record<string, Agreement | undefined> | undefined> = {
  'funds.csv': { project_id: { column: 'village_code', problem: projectElsewhere } },
};

/*
 * Each rule walks the rows on its own rather than all rules in one walk: a large file's unique-key
 * table and the tables of the files it refers to do not all fit in the processor's cache at once,
 * and taking them one at a time is faster (docs/performance.md, "What made the difference"). The rules
 * run in the order they are listed, so problems on the same cell keep a fixed order.
 */

function checkUnique(table: AnyTable, index: Indexes, positions: ColumnPositions, problems: Problem[]): void {
  const keyColumns = table.primaryKey;
  const { repeats } = index(table.file, keyColumns);
  if (repeats.length === 0) return;
  // Named as staff see them: the headers as typed, a listed value by its Chinese label.
  const headers = keyColumns.map((column) => locateColumn(positions, table.file, column).column);
  for (const { row, first } of repeats) {
    const values = keyColumns.map((column) => shownValue(table, column, row[column]));
    problems.push(notUnique(table, row.row, first.row, keyColumns[0]!, headers, values, positions));
  }
}

/** A cell's value as staff typed it: a listed value by its Chinese label, anything else as it is. */
function shownValue(table: AnyTable, column: string, value: unknown): string {
  const text = keyText(value);
  return table.columns[column]?.meta.vocabulary?.[text]?.zh ?? text;
}

function checkReference(
  table: AnyTable,
  reference: Reference,
  rows: AnyRecord[],
  first: KeyIndex<AnyRecord>,
  also: KeyIndex<AnyRecord> | undefined,
  positions: ColumnPositions,
  rejected: RejectedKeys,
  problems: Problem[],
): void {
  const files = [reference.file, reference.also?.file].filter(Boolean).join(' / ');
  const agreement = AGREEMENTS[table.file]?.[reference.columns];
  // An indexed loop that makes no object per row: this loop often runs before V8 optimises it
  // (docs/performance.md, "What made the difference": "No object per row").
  for (let r = 0; r < rows.length; r += 1) {
    const record = rows[r]!;
    const value = record[reference.columns];
    if (value === undefined) continue;
    const wanted = reference.match === 'parent' ? parentOf(keyText(value)) : keyText(value);
    // A province has no parent to look for.
    if (wanted === undefined) continue;
    let index = first;
    let position = first.position(wanted);
    if (position < 0 && also !== undefined) {
      index = also;
      position = also.position(wanted);
    }
    if (position < 0) {
      const at = rejectedRow(rejected, reference, wanted);
      problems.push(notFound(table, record.row, reference, keyText(value), wanted, files, at, positions));
    } else if (agreement !== undefined && !index.holds(position, agreement.column, keyText(record[agreement.column]))) {
      problems.push(agreement.problem(record, index.rowAt(position), positions));
    }
  }
}

/**
 * No date after the edition's as-of (edition.csv's own is the limit), no year before the programme
 * could have begun, no place outside its region. An as-of later than the day of the build is an
 * error of its own (checkAsOf); the other dates are then held to the day of the build, so a wrong
 * as-of cannot switch their check off.
 */
function checkAgainstEdition(
  table: AnyTable,
  rows: AnyRecord[],
  edition: Edition,
  today: string | undefined,
  positions: ColumnPositions,
  problems: Problem[],
): void {
  const { as_of: asOf, region_code: regionCode } = edition;
  const limit = today !== undefined && today < asOf ? { date: today, today: true } : { date: asOf, today: false };
  const columns = Object.entries(table.columns);
  const dateColumns = columns
    .filter(([, field]) => field.meta.kind === 'date' || field.meta.kind === 'month')
    .map(([key, { meta }]) => ({
      key,
      // The as-of itself is checked against the day of the build; a planned date may follow it.
      latest: table.file === 'edition.csv' || meta.mayFollowAsOf === true ? undefined : meta.kind === 'month' ? monthOfDate(limit.date) : limit.date,
      earliest: meta.earliestYear ?? EARLIEST_YEAR,
    }));
  const codeColumns = columns
    .filter(([, field]) => field.meta.kind === 'code' && (field.meta.codeLengths ?? []).some((n) => n > regionCode.length))
    .map(([key]) => key);
  if (dateColumns.length === 0 && codeColumns.length === 0) return;
  // Indexed loops that make no object per row, as in checkReference.
  for (let r = 0; r < rows.length; r += 1) {
    const record = rows[r]!;
    for (let c = 0; c < dateColumns.length; c += 1) {
      const { key, latest, earliest } = dateColumns[c]!;
      const value = record[key];
      if (typeof value !== 'string') continue;
      // Dates are held as YYYY-MM-DD or YYYY-MM: the year is their first four digits.
      if (Number(value.slice(0, 4)) < earliest) problems.push(beforeProgramme(table, record.row, key, value, earliest, positions));
      else if (latest !== undefined && value > latest) {
        problems.push(
          limit.today ? afterToday(table, record.row, key, value, limit.date, positions) : afterAsOf(table, record.row, key, value, asOf, positions),
        );
      }
    }
    for (let c = 0; c < codeColumns.length; c += 1) {
      const key = codeColumns[c]!;
      const value = record[key];
      if (typeof value !== 'string') continue;
      // Ancestors of the region (its province, its city) are fine in divisions.csv and reported.csv.
      if (isWithin(value, regionCode) || isWithin(regionCode, value)) continue;
      problems.push(outsideRegion(table, record.row, key, value, regionCode, positions));
    }
  }
}

/** The as-of may not be later than the day of the build (when the caller says which day that is). */
function checkAsOf(edition: Sourced<Edition>, today: string | undefined, positions: ColumnPositions): Problem[] {
  if (today === undefined || edition.as_of <= today) return [];
  return [
    cellError(
      positions,
      editionTable,
      { row: edition.row, key: 'as_of', value: edition.as_of },
      'after-today',
      {
        zh: `数据截止日期 ${edition.as_of} 晚于今天（生成网站的日期 ${today}）`,
        en: `The as-of date ${edition.as_of} is later than today, the day of the build (${today})`,
      },
      {
        zh: '填写数据实际截止的日期，不能是将来的日期；其他日期在改正前按今天检查',
        en: 'Write the date the data is actually current to, which cannot be in the future; until then other dates are checked against today',
      },
    ),
  ];
}

/** An error in one cell, located for staff by the column's header as typed and its letter. */
function cellError(
  positions: ColumnPositions,
  table: AnyTable,
  at: { row: number; key: string; value: string },
  rule: Problem['rule'],
  message: Bilingual,
  hint: Bilingual,
  cause?: Cause,
): Problem {
  const problem: Problem = {
    severity: 'error',
    rule,
    file: table.file,
    row: at.row,
    ...locateColumn(positions, table.file, at.key),
    value: at.value,
    message,
    hint,
  };
  if (cause !== undefined) problem.cause = cause;
  return problem;
}

function notUnique(
  table: AnyTable,
  row: number,
  first: number,
  firstColumn: string,
  headers: readonly string[],
  values: readonly string[],
  positions: ColumnPositions,
): Problem {
  const columns = headers.join(' + ');
  const key = values.join(' + ');
  return cellError(
    positions,
    table,
    { row, key: firstColumn, value: values[0]! },
    'unique',
    { zh: `${columns} 为“${key}”的行重复，第 ${first} 行已有`, en: `${columns} “${key}” appears again; row ${first} has it already` },
    headers.length === 1
      ? { zh: '删除重复行，或改成唯一的值', en: 'Delete the duplicate row or make the value unique' }
      : { zh: `删除重复行；同一组 ${columns} 只能有一行`, en: `Delete the duplicate row: each combination of ${columns} may appear once` },
  );
}

/** The row of the file a reference points to that has the wanted key but was rejected for a bad cell. */
function rejectedRow(rejected: RejectedKeys, reference: Reference, wanted: string): { file: string; row: number } | undefined {
  for (const file of [reference.file, reference.also?.file]) {
    const row = file === undefined ? undefined : rejected[file]?.get(wanted);
    if (file !== undefined && row !== undefined) return { file, row };
  }
  return undefined;
}

function notFound(
  table: AnyTable,
  row: number,
  reference: Reference,
  value: string,
  wanted: string,
  files: string,
  rejectedAt: { file: string; row: number } | undefined,
  positions: ColumnPositions,
): Problem {
  // The Chinese subject ends in a space after a code, so the verb that follows stands apart from the digits.
  const what =
    reference.match === 'parent'
      ? { zh: `“${value}”的上级区划 ${wanted} `, en: `The parent division ${wanted} of “${value}”` }
      : { zh: `“${value}”`, en: `“${value}”` };
  // The row is there but has an error of its own: that error is the one to fix, not this reference.
  if (rejectedAt !== undefined) {
    const { file, row: at } = rejectedAt;
    return cellError(
      positions,
      table,
      { row, key: reference.columns, value },
      'foreign-key',
      {
        zh: `${what.zh}在 ${file} 第 ${at} 行，但那一行有错误，未被接受`,
        en: `${what.en} is on row ${at} of ${file}, but that row has an error and was rejected`,
      },
      { zh: `先改正 ${file} 第 ${at} 行的错误`, en: `Fix the error on row ${at} of ${file} first` },
      'rejected-reference',
    );
  }
  return cellError(
    positions,
    table,
    { row, key: reference.columns, value },
    'foreign-key',
    reference.match === 'parent'
      ? { zh: `${what.zh}不在 ${files} 中`, en: `${what.en} is not in ${files}` }
      : { zh: `${what.zh}在 ${files} 中找不到`, en: `${what.en} is not found in ${files}` },
    { zh: `检查是否输错；或先在 ${files} 中添加它`, en: `Check for a typing error, or add it to ${files} first` },
  );
}

function projectElsewhere(fund: AnyRecord, project: AnyRecord, positions: ColumnPositions): Problem {
  const [id, village, own] = [fund.project_id, project.village_code, fund.village_code].map(keyText) as [string, string, string];
  return cellError(
    positions,
    fundsTable,
    { row: fund.row, key: 'project_id', value: id },
    'foreign-key',
    {
      zh: `项目 ${id} 属于 ${village}，不属于本行的嘎查村 ${own}`,
      en: `Project ${id} belongs to village ${village}, not to this row's village ${own}`,
    },
    { zh: '改正村代码或项目编号', en: 'Correct the village code or the project id' },
  );
}

function afterAsOf(table: AnyTable, row: number, key: string, value: string, asOf: string, positions: ColumnPositions): Problem {
  return cellError(
    positions,
    table,
    { row, key, value },
    'future-date',
    { zh: `${value} 晚于数据截止日期 ${asOf}`, en: `${value} is after the data's as-of date ${asOf}` },
    { zh: '改正日期；或在 edition.csv 中更新数据截止日期', en: 'Correct the date, or move the as-of date forward in edition.csv' },
  );
}

function afterToday(table: AnyTable, row: number, key: string, value: string, today: string, positions: ColumnPositions): Problem {
  return cellError(
    positions,
    table,
    { row, key, value },
    'future-date',
    { zh: `${value} 晚于今天（生成网站的日期 ${today}）`, en: `${value} is after today, the day of the build (${today})` },
    { zh: '改正日期；将来的日期不能作为已发生的数据', en: 'Correct the date: what has not happened yet cannot be reported as data' },
  );
}

function beforeProgramme(table: AnyTable, row: number, key: string, value: string, earliest: number, positions: ColumnPositions): Problem {
  const year = value.slice(0, 4);
  return cellError(
    positions,
    table,
    { row, key, value },
    'programme-years',
    {
      zh: `${value} 的年份 ${year} 早于 ${earliest} 年：这一列的日期不会这么早`,
      en: `${value}: the year ${year} is before ${earliest}, earlier than any date of this column can be`,
    },
    { zh: '检查年份是否输错（如把 2021 写成 1921）', en: 'Check the year for a typing error (such as 1921 for 2021)' },
  );
}

function outsideRegion(table: AnyTable, row: number, key: string, value: string, regionCode: string, positions: ColumnPositions): Problem {
  return cellError(
    positions,
    table,
    { row, key, value },
    'region',
    { zh: `${value} 不在本数据集的地区 ${regionCode} 之内`, en: `${value} is not inside this dataset's region ${regionCode}` },
    { zh: '检查代码；或在 edition.csv 中改正地区代码', en: 'Check the code, or correct the region code in edition.csv' },
  );
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

/**
 * A fund from a paired unit or a paired enterprise comes from the one paired with its village: its
 * source is named as pairings.csv names it, so money adds up by pairing and a reader can follow
 * it to its giver. A village unknown to villages.csv is already reported by its foreign key.
 */
function checkFundSources(records: Records, index: Indexes, positions: ColumnPositions, rejected: RejectedKeys, problems: Problem[]): void {
  const pairings = index('pairings.csv', ['village_code']);
  const villages = index('villages.csv', ['village_code']);
  for (const fund of records.funds) {
    const kind = fund.source_kind;
    if (kind !== 'paired_unit' && kind !== 'paired_enterprise') continue;
    const position = pairings.position(fund.village_code);
    if (position < 0) {
      if (villages.position(fund.village_code) < 0) continue;
      // The village's pairing may be there but rejected: said as for any reference to a rejected row.
      const at = rejectedRow(rejected, TO_PAIRING, fund.village_code);
      problems.push(
        at === undefined
          ? unpairedFund(fund, positions)
          : notFound(fundsTable, fund.row, TO_PAIRING, fund.village_code, fund.village_code, TO_PAIRING.file, at, positions),
      );
      continue;
    }
    const pairing = pairings.rowAt(position);
    const named = kind === 'paired_unit' ? pairing.unit_name : pairing.enterprise_name;
    if (named !== fund.source_name) problems.push(otherSource(fund, keyText(named), pairing.row, positions));
  }
}

/** The link checkFundSources follows, as a reference, for the messages references share. */
const TO_PAIRING: Reference = { columns: 'village_code', file: 'pairings.csv', key: 'village_code' };

function unpairedFund(fund: Sourced<Fund>, positions: ColumnPositions): Problem {
  const kind = FUND_SOURCE_KINDS[fund.source_kind];
  return cellError(
    positions,
    fundsTable,
    { row: fund.row, key: 'village_code', value: fund.village_code },
    'foreign-key',
    {
      zh: `本行资金来自${kind.zh}，但嘎查村 ${fund.village_code} 在 pairings.csv 中没有包联记录`,
      en: `This row's money comes from a ${kind.en}, but village ${fund.village_code} has no row in pairings.csv`,
    },
    {
      zh: '在 pairings.csv 中添加该村的包联单位和包联企业；或改正资金来源类别',
      en: "Add the village's paired unit and enterprise to pairings.csv, or correct the source kind",
    },
  );
}

function otherSource(fund: Sourced<Fund>, named: string, pairingRow: number, positions: ColumnPositions): Problem {
  const kind = FUND_SOURCE_KINDS[fund.source_kind];
  const village = fund.village_code;
  return cellError(
    positions,
    fundsTable,
    { row: fund.row, key: 'source_name', value: fund.source_name },
    'foreign-key',
    named === ''
      ? {
          zh: `嘎查村 ${village} 在 pairings.csv 第 ${pairingRow} 行没有${kind.zh}，本行却写来自${kind.zh}“${fund.source_name}”`,
          en: `Village ${village} has no ${kind.en} on row ${pairingRow} of pairings.csv, yet this row's money comes from ${kind.en} “${fund.source_name}”`,
        }
      : {
          zh: `“${fund.source_name}”不是嘎查村 ${village} 的${kind.zh}：pairings.csv 第 ${pairingRow} 行写的是“${named}”`,
          en: `“${fund.source_name}” is not the ${kind.en} of village ${village}: row ${pairingRow} of pairings.csv names “${named}”`,
        },
    named === ''
      ? {
          zh: `在 pairings.csv 第 ${pairingRow} 行填上${kind.zh}；或改正资金来源类别`,
          en: `Fill in the ${kind.en} on row ${pairingRow} of pairings.csv, or correct the source kind`,
        }
      : { zh: `改成“${named}”；若包联关系有变，先改 pairings.csv`, en: `Write “${named}”, or, if the pairing has changed, correct pairings.csv first` },
  );
}

/** Where a village placed at a seat sits: the level whose seat, and what to say when it is not there. */
const SEAT_CHECKS = {
  'town-seat': {
    level: 'town',
    message: { zh: '位置精度为“镇政府驻地”，但经纬度不是该镇的驻地', en: 'Location precision is town-seat, but the point is not the town seat' },
  },
  'county-seat': {
    level: 'county',
    message: { zh: '位置精度为“县政府驻地”，但经纬度不是该县的驻地', en: 'Location precision is county-seat, but the point is not the county seat' },
  },
  'city-seat': {
    level: 'city',
    message: { zh: '位置精度为“市政府驻地”，但经纬度不是该市的驻地', en: 'Location precision is city-seat, but the point is not the city seat' },
  },
} as const;

/** A village still placed at its town's (county's, city's) seat should sit exactly on it, or it is mislabelled. */
function checkTownSeats(records: Records, positions: ColumnPositions, problems: Problem[]): void {
  const seats = new Map(records.divisions.map((d) => [d.code, d]));
  for (const village of records.villages) {
    const precision = village.location_precision;
    if (precision === 'surveyed') continue;
    const check = SEAT_CHECKS[precision];
    const place = seats.get(ancestorAt(village.village_code, check.level));
    if (place?.seat_lon_wgs84 === undefined || place.seat_lat_wgs84 === undefined) continue;
    const far = Math.abs(place.seat_lon_wgs84 - village.lon_wgs84) + Math.abs(place.seat_lat_wgs84 - village.lat_wgs84) > 0.001;
    if (!far) continue;
    problems.push({
      severity: 'warning',
      rule: 'location',
      file: 'villages.csv',
      row: village.row,
      ...locateColumn(positions, 'villages.csv', 'location_precision'),
      value: LOCATION_PRECISIONS[precision].zh,
      message: check.message,
      hint: {
        zh: '若这是实测位置，把位置精度改为“实测点位”',
        en: 'If the point was surveyed, set the location precision to 实测点位 (surveyed)',
      },
    });
  }
}

/** What the rules need besides the records: the day of the build and the region's outline, when the caller knows them. */
export type ValidationContext = {
  /** `YYYY-MM-DD`: the as-of may not be later (the pipeline reads no clock; the scripts pass it in). */
  today?: string;
  /** The region's outline, wound for d3 (rewindForD3): a village or seat beyond it is an error. */
  outline?: MultiPolygon;
};

export function validateRecords(records: Records, positions: ColumnPositions, rejected: RejectedKeys = {}, context: ValidationContext = {}): Problem[] {
  const problems: Problem[] = [...checkEdition(records)];
  const edition = records.edition[0];
  const { today, outline } = context;
  if (edition !== undefined) problems.push(...checkAsOf(edition, today, positions));
  const index = indexFiles(records);
  // Problems are pushed into one array: a spread of a very long list of them would overflow the call stack.
  for (const table of TABLES as readonly AnyTable[]) {
    const rows = recordsOf(records, table.file);
    checkUnique(table, index, positions, problems);
    for (const reference of table.references) {
      // Looked up here, not inside checkReference: V8's optimised checkReference held the run's
      // `index` closure, and a full collection that freed it discarded the code ("weak objects").
      const first = index(reference.file, [reference.key]);
      const also = reference.also === undefined ? undefined : index(reference.also.file, [reference.also.key]);
      checkReference(table, reference, rows, first, also, positions, rejected, problems);
    }
    if (edition !== undefined) checkAgainstEdition(table, rows, edition, today, positions, problems);
  }
  checkFundSources(records, index, positions, rejected, problems);
  checkTownSeats(records, positions, problems);
  if (outline !== undefined && edition !== undefined) checkLocations(records, edition.region_code, outline, positions, problems);
  checkAmounts(records, positions, problems);
  return problems;
}
