/**
 * One file, start to finish on its own: bytes → text → cells → canonical columns → typed records.
 * Problems that need another file (unique keys, foreign keys, dates after the edition) are
 * validate.ts's job; this step only judges each cell and each row by itself.
 */
import { decodeBytes, type Encoding } from './decode.ts';
import { parseCsv } from './parseCsv.ts';
import { mapHeaders } from './mapHeaders.ts';
import { coerceCell } from './coerceCell.ts';
import { toColumnLetter, type Problem } from './problem.ts';
import type { AnyTable } from './field.ts';
import type { Sourced } from './tables.ts';

export type TableRead = {
  file: string;
  encoding: Encoding | undefined;
  /** Typed by the table's schema; loadDataset gathers them into `Records`. */
  records: Sourced<Record<string, unknown>>[];
  problems: Problem[];
  /** Where each canonical column was found: the header as typed and its position. */
  columns: Record<string, { header: string; index: number }>;
  /** Data rows found (blank rows excluded), and the spreadsheet rows of blank ones. */
  rowsRead: number;
  blankRows: number[];
};

export function readTable(table: AnyTable, bytes: Uint8Array | undefined): TableRead {
  const { file } = table;
  if (bytes === undefined) {
    return {
      file,
      encoding: undefined,
      records: [],
      columns: {},
      rowsRead: 0,
      blankRows: [],
      problems: [
        {
          severity: 'error',
          rule: 'missing-file',
          file,
          message: { zh: `缺少文件 ${file}`, en: `The file ${file} is missing` },
          hint: {
            zh: `在 data/ 文件夹中放入 ${file}（表头见 data/README.md）`,
            en: `Put ${file} in the data/ folder (its headers are listed in data/README.md)`,
          },
        },
      ],
    };
  }

  const { text, encoding } = decodeBytes(bytes);
  const csv = parseCsv(text, file);
  const headers = mapHeaders(csv.header, table, file);
  const problems: Problem[] = [...csv.problems, ...headers.problems];
  const records: TableRead['records'] = [];
  // A row whose width is wrong cannot be read cell by cell: which value belongs to which column is unknown.
  const misshapen = new Set(csv.problems.filter((p) => p.row !== undefined).map((p) => p.row));

  for (const { row, cells } of csv.rows) {
    if (misshapen.has(row)) continue;
    const candidate: Record<string, unknown> = {};
    const rowProblems: Problem[] = [];
    headers.keys.forEach((key, index) => {
      if (key === undefined) return;
      const field = table.columns[key];
      if (field === undefined) return;
      const outcome = coerceCell(field.meta, cells[index] ?? '', {
        file,
        row,
        column: csv.header[index] ?? key,
        columnLetter: toColumnLetter(index),
      });
      if (outcome.ok) {
        if (outcome.value !== undefined) candidate[key] = outcome.value;
      } else {
        rowProblems.push(outcome.problem);
      }
    });
    // Required cells of a column missing from the file are reported once, by mapHeaders.
    if (rowProblems.length > 0 || headers.problems.some((p) => p.rule === 'missing-column')) {
      problems.push(...rowProblems);
      continue;
    }
    const parsed = table.schema.safeParse(candidate);
    if (parsed.success) {
      records.push({ ...(parsed.data as Record<string, unknown>), row });
    } else {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const index = headers.keys.indexOf(key);
        problems.push({
          severity: 'error',
          rule: issue.code === 'too_small' || issue.code === 'too_big' ? 'range' : 'type',
          file,
          row,
          column: csv.header[index] ?? key,
          columnLetter: index >= 0 ? toColumnLetter(index) : undefined,
          value: cells[index],
          message: { zh: `值不符合要求：${issue.message}`, en: `Value not accepted: ${issue.message}` },
          hint: {
            zh: `参照 data/README.md 中“${table.columns[key]?.meta.header ?? key}”一列的说明`,
            en: `See the description of the column ${key} in data/README.md`,
          },
        });
      }
    }
  }

  const columns: TableRead['columns'] = {};
  headers.keys.forEach((key, index) => {
    if (key !== undefined) columns[key] = { header: csv.header[index] ?? key, index };
  });
  return { file, encoding, records, columns, problems, rowsRead: csv.rows.length, blankRows: csv.blankRows };
}
