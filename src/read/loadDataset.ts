/**
 * The whole pipeline from the files' bytes to a report: read every table, validate across files,
 * reconcile with the reported figures, and count every row so none is silently dropped.
 * Pure: the caller reads the files (scripts/ from disk, tests from fixtures).
 */
import { ascending } from 'd3-array';
import { isError, type ColumnPositions, type Problem } from './problem.ts';
import { readSheet, readTable, type SourceFormat, type TableRead } from './readTable.ts';
import { readWorkbook } from './xlsx.ts';
import { chooseSheet, workbookProblem } from './scanSheet.ts';
import type { AnyTable } from './field.ts';
import { checkFigureScopes, reconcile, reconcileProblems, type Reconciliation } from './reconcile.ts';
import { RECORD_KEYS, TABLES, type Records } from './tables.ts';
import { validateRecords, type RejectedKeys } from './validate.ts';
import { diagnoseRegionChange } from './diagnose.ts';
import { readOutline, rewindForD3 } from '../model/regionOutline.ts';
import type { MultiPolygon } from 'geojson';
import { checkRegionConfig, REGION_CONFIG_FILE, type RegionConfig } from '../model/regionConfig.ts';

/** Conservation, per file: read = accepted + rejected (blank rows are counted apart). */
export type FileSummary = {
  /** The file as staff named it: `funds.csv`, or `funds.xlsx` when the table was read from a workbook. */
  file: string;
  /** The worksheet the table was read from, for a workbook. */
  sheet?: string;
  encoding: SourceFormat | undefined;
  read: number;
  accepted: number;
  rejected: number;
  blank: number;
  errors: number;
  warnings: number;
};

export type Report = {
  ok: boolean;
  files: FileSummary[];
  problems: Problem[];
  reconciliation: Reconciliation[];
  errors: number;
  warnings: number;
};

export type LoadedDataset = { records: Records; report: Report };

/** What the caller knows besides the files; the pipeline itself reads no clock and no disk. */
export type DatasetOptions = {
  /** The day of the build, `YYYY-MM-DD`: the as-of may not be later. Without it that is not checked. */
  today?: string;
  /**
   * The region outlines found beside the data (data/geo/<code>-boundary.wgs84.geojson), their text by
   * region code. Without this map locations are not checked; with it, a region it lacks is said once.
   */
  outlines?: ReadonlyMap<string, string>;
  /**
   * What the reader of the folder could not read (a folder named funds.csv, a broken link, a
   * spreadsheet instead of its CSV): reported as they are, in place of "the file is missing".
   */
  folderProblems?: readonly Problem[];
  /** Read records without compiling code at run time: in a page, whose CSP forbids eval (the checker). */
  noEval?: boolean;
  /** The text of the settings file (region.json) beside the data, when there is one: checked like a data file. */
  config?: string;
};

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

// Files in the order of TABLES; an unknown file (-1) comes first, as findIndex would place it.
const FILE_ORDER = new Map<string, number>(TABLES.map((table, index) => [table.file, index]));
const fileOrder = (problem: Problem): number => FILE_ORDER.get(problem.file) ?? -1;

function byLocation(a: Problem, b: Problem): number {
  const letterA = a.columnLetter ?? '';
  const letterB = b.columnLetter ?? '';
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    fileOrder(a) - fileOrder(b) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    letterA.length - letterB.length ||
    // Letters are A–Z only: compared by code unit; a locale's collation costs far more in a sort of many problems.
    ascending(letterA, letterB)
  );
}

export function loadDataset(files: ReadonlyMap<string, Uint8Array>, options: DatasetOptions = {}): LoadedDataset {
  const { folderProblems = [] } = options;
  const explained = new Set(folderProblems.filter(isError).map((problem) => problem.file));
  // An error about a name that is no data file is about the folder itself: every file is then unread, not missing.
  const folderUnread = [...explained].some((file) => !FILE_ORDER.has(file));
  if (folderUnread) return unreadFolder(folderProblems);
  const sources = new Map<string, Source>();
  const reads: TableRead[] = TABLES.map((table) => {
    const { read, source } = readSource(table, files, options.noEval === true);
    if (source !== undefined) sources.set(table.file, source);
    return explained.has(table.file) ? { ...read, problems: read.problems.filter((p) => p.rule !== 'missing-file') } : read;
  });
  const records = Object.fromEntries(reads.map((read) => [RECORD_KEYS[read.file as keyof typeof RECORD_KEYS], read.records])) as unknown as Records;
  const positions: ColumnPositions = Object.fromEntries(reads.map((read) => [read.file, read.columns]));
  const rejected: RejectedKeys = Object.fromEntries(reads.map((read) => [read.file, read.rejectedKeys]));
  const region = records.edition[0]?.region_code;
  const settings = options.config === undefined ? { problems: [] } : checkSettings(options.config, region);
  const outline = region === undefined || options.outlines === undefined ? undefined : outlineOf(region, options.outlines);

  const checked = diagnoseRegionChange(
    [
      ...reads.flatMap((read) => read.problems),
      ...reads.flatMap(noRows),
      ...(outline?.problems ?? []),
      ...validateRecords(records, positions, rejected, { today: options.today, outline: outline?.geometry }),
      ...checkFigureScopes(records, positions),
      ...settings.problems,
    ],
    records,
    positions,
  );
  // Figures are added up from accepted rows only: a row that a rule across files rejected counts no
  // more than a row rejected for a bad cell, so the report's figures are those of what would publish.
  const accepted = withoutRejectedRows(records, checked);
  const reconciliation = reconcile(accepted);
  const problems = [...folderProblems, ...checked, ...reconcileProblems(reconciliation, positions, settings.config?.reconciliation), ...unexpectedFiles(files)]
    .sort(byLocation)
    .map((problem) => relocate(problem, sources));

  // One walk over the problems tallies every file, rather than one filter per file.
  const tallies = new Map<string, { errors: number; warnings: number }>();
  for (const problem of problems) {
    let tally = tallies.get(problem.file);
    if (tally === undefined) tallies.set(problem.file, (tally = { errors: 0, warnings: 0 }));
    if (isError(problem)) tally.errors += 1;
    else if (problem.severity === 'warning') tally.warnings += 1;
  }

  const summaries = reads.map((read): FileSummary => {
    const tally = tallies.get(sources.get(read.file)?.file ?? read.file);
    // A row is accepted when it became a record and no later rule rejected it; every other row read is rejected.
    const acceptedRows = (accepted[RECORD_KEYS[read.file as keyof typeof RECORD_KEYS]] as unknown[]).length;
    const source = sources.get(read.file);
    return {
      file: source?.file ?? read.file,
      ...(source?.sheet === undefined ? {} : { sheet: source.sheet }),
      encoding: read.encoding,
      read: read.rowsRead,
      accepted: acceptedRows,
      rejected: read.rowsRead - acceptedRows,
      blank: read.blankRows.length,
      errors: tally?.errors ?? 0,
      warnings: tally?.warnings ?? 0,
    };
  });

  const errors = problems.filter(isError).length;
  return {
    records: accepted,
    report: {
      ok: errors === 0,
      files: summaries,
      problems,
      reconciliation,
      errors,
      warnings: problems.filter((p) => p.severity === 'warning').length,
    },
  };
}

/** Where a table was read from when it is not its CSV file: a workbook, and the sheet in it. */
type Source = { file: string; sheet?: string };

/** The workbook that stands for a table's CSV file: `funds.xlsx` (in any case, as Windows names are) for `funds.csv`. */
export function workbookNameFor(table: Pick<AnyTable, 'file'>, names: Iterable<string>): string | undefined {
  const wanted = `${table.file.replace(/\.csv$/, '')}.xlsx`;
  for (const name of names) if (name.toLowerCase() === wanted) return name;
  return undefined;
}

/**
 * A table's rows from its CSV file; without one, from the first sheet of its workbook (or the sheet
 * named like the file or the table). The CSV file wins when both are there (dataFolder.ts says so).
 */
function readSource(table: AnyTable, files: ReadonlyMap<string, Uint8Array>, noEval: boolean): { read: TableRead; source?: Source } {
  const csv = files.get(table.file);
  const workbook = csv === undefined ? workbookNameFor(table, files.keys()) : undefined;
  if (workbook === undefined) return { read: readTable(table, csv, { noEval }) };
  const opened = readWorkbook(files.get(workbook)!);
  if (!opened.ok) {
    const read = readTable(table, new Uint8Array());
    return { read: { ...read, encoding: 'xlsx', problems: [workbookProblem(workbook, opened.trouble, opened.detail)] }, source: { file: workbook } };
  }
  const sheet = chooseSheet(opened.sheets, table);
  return { read: readSheet(table, sheet!, { noEval }), source: { file: workbook, sheet: sheet!.name } };
}

/**
 * A problem about a table read from a workbook is located in the workbook, on its sheet: the file
 * and sheet staff have open. The words of its message still call the table by its CSV name.
 */
function relocate(problem: Problem, sources: ReadonlyMap<string, Source>): Problem {
  const source = sources.get(problem.file);
  if (source === undefined) return problem;
  const { file, sheet } = source;
  return { ...problem, file, ...(sheet === undefined ? {} : { sheet }) };
}

/** A folder that could not be read has no files to check: its report is only what was wrong with it. */
function unreadFolder(folderProblems: readonly Problem[]): LoadedDataset {
  const records = Object.fromEntries(TABLES.map((table) => [RECORD_KEYS[table.file as keyof typeof RECORD_KEYS], []])) as unknown as Records;
  const problems = [...folderProblems];
  const errors = problems.filter(isError).length;
  return { records, report: { ok: false, files: [], problems, reconciliation: [], errors, warnings: problems.length - errors } };
}

/** Where the outline of a region is kept beside the data (src/load/readDataDir.ts reads it from there). */
export const outlineFile = (regionCode: string): string => `geo/${regionCode}-boundary.wgs84.geojson`;

/** The region code of an outline's file name (`150627-boundary.wgs84.geojson` → `150627`), if it is one. */
export const outlineCodeOf = (name: string): string | undefined => /^(\d+)-boundary\.wgs84\.geojson$/.exec(name)?.[1];

/**
 * The region's outline, wound for d3, or a problem saying why locations are not checked: no outline
 * for the region (said once, as information: a new region may have none yet), or one that cannot be read.
 */
function outlineOf(regionCode: string, outlines: ReadonlyMap<string, string>): { geometry?: MultiPolygon; problems: Problem[] } {
  const file = outlineFile(regionCode);
  const text = outlines.get(regionCode);
  if (text === undefined) {
    return {
      problems: [
        {
          severity: 'info',
          rule: 'outside-outline',
          file,
          message: {
            zh: `没有地区 ${regionCode} 的边界文件 ${file}，未检查嘎查村的位置是否在地区之内`,
            en: `There is no outline of region ${regionCode} (${file}), so the villages' points were not checked against it`,
          },
          hint: {
            zh: `把地区边界（GeoJSON，WGS-84）存为 data/${file}，见 data/geo/README.md`,
            en: `Save the region's outline (GeoJSON, WGS-84) as data/${file}; see data/geo/README.md`,
          },
        },
      ],
    };
  }
  try {
    return { geometry: rewindForD3(readOutline(JSON.parse(text) as unknown)), problems: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\s+/g, ' ') : String(error);
    return {
      problems: [
        {
          severity: 'warning',
          rule: 'outside-outline',
          file,
          message: {
            zh: `无法读取边界文件 ${file}，未检查嘎查村的位置：${reason}`,
            en: `The outline ${file} cannot be read, so the villages' points were not checked: ${reason}`,
          },
          hint: { zh: '另存为有效的 GeoJSON（Polygon 或 MultiPolygon，WGS-84）', en: 'Save it again as valid GeoJSON (Polygon or MultiPolygon, WGS-84)' },
        },
      ],
    };
  }
}

/**
 * The settings file, checked as a data file: each thing wrong with it is an error at its key path (the
 * "column"), and a region code that is not the data's is one too (the site would be named for another place).
 */
function checkSettings(text: string, region: string | undefined): { config?: RegionConfig; problems: Problem[] } {
  const hint = {
    zh: '按 README 的“配置 · Configure”一节改正 region.json（可用 npm run init-region 重新生成）',
    en: 'Correct region.json as the README\'s "Configure · 配置" section describes (npm run init-region writes one afresh)',
  };
  const problem = (column: string, message: Problem['message'], value?: string): Problem => ({
    severity: 'error',
    rule: 'site-config',
    file: REGION_CONFIG_FILE,
    ...(column === '' ? {} : { column }),
    ...(value === undefined ? {} : { value }),
    message,
    hint,
  });
  const checked = checkRegionConfig(text);
  if ('issues' in checked) return { problems: checked.issues.map((issue) => problem(issue.path, issue.message)) };
  const { config } = checked;
  if (region === undefined || config.code === region) return { config, problems: [] };
  return {
    config,
    problems: [
      problem(
        'code',
        {
          zh: `地区代码 ${config.code} 与 edition.csv 的地区代码 ${region} 不一致`,
          en: `The region code ${config.code} is not edition.csv's region code ${region}`,
        },
        config.code,
      ),
    ],
  };
}

/** A file with a header and no rows is valid (a new region starts with empty tables), but the report says so. */
function noRows(read: TableRead): Problem[] {
  // A file not read for an error of its own (empty, mislabelled, a title row) is said to be wrong, not to be empty.
  if (read.rowsRead > 0 || read.encoding === undefined || read.problems.some(isError)) return [];
  return [
    {
      severity: 'info',
      rule: 'no-rows',
      file: read.file,
      message: { zh: `${read.file} 只有表头，没有数据行`, en: `${read.file} has a header but no rows` },
      hint: {
        zh: '新地区可以从空表开始；若本应有数据，检查是否保存了正确的文件',
        en: 'A new region may start with empty tables; if it should have rows, check that the right file was saved',
      },
    },
  ];
}

/** The records with every row an error names taken out; the same object when there is none. */
function withoutRejectedRows(records: Records, problems: Problem[]): Records {
  const rejected = new Map<string, Set<number>>();
  for (const problem of problems) {
    if (!isError(problem) || problem.row === undefined) continue;
    let rows = rejected.get(problem.file);
    if (rows === undefined) rejected.set(problem.file, (rows = new Set()));
    rows.add(problem.row);
  }
  if (rejected.size === 0) return records;
  const kept = { ...records } as Record<string, { row: number }[]>;
  for (const [file, rows] of rejected) {
    const key = RECORD_KEYS[file as keyof typeof RECORD_KEYS];
    if (key !== undefined) kept[key] = kept[key]!.filter((record) => !rows.has(record.row));
  }
  return kept as unknown as Records;
}

/** A CSV in data/ that the tool does not know would otherwise be ignored without a word. */
function unexpectedFiles(files: ReadonlyMap<string, Uint8Array>): Problem[] {
  const known = new Set<string>(TABLES.map((t) => t.file));
  return [...files.keys()]
    .filter((name) => name.toLowerCase().endsWith('.csv') && !known.has(name))
    .map((file) => ({
      severity: 'warning' as const,
      rule: 'unknown-file' as const,
      file,
      message: { zh: `未知文件 ${file}，不会发布`, en: `Unknown file ${file}; it is not published` },
      hint: {
        zh: `数据文件为：${TABLES.map((t) => t.file).join('、')}`,
        en: `The data files are: ${TABLES.map((t) => t.file).join(', ')}`,
      },
    }));
}
