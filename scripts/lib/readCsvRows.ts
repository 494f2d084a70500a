/**
 * The data scripts' one CSV reader: a file (UTF-8, with or without a BOM) → its rows as records by
 * header. Not the pipeline's reader (src/read/), which checks and types every cell; the scripts read
 * their own committed files and the statistical division list, which are already plain.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export type CsvRecord = Record<string, string>;

/** `linePrefix` keeps, before parsing, only the lines starting with it (villages.csv of the whole country is 38 MB). */
export function readCsvRows(path: string, linePrefix = ''): CsvRecord[] {
  let text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  if (linePrefix !== '') {
    const lines = text.split('\n');
    text = [lines[0], ...lines.slice(1).filter((line) => line.startsWith(linePrefix))].join('\n');
  }
  const parsed = Papa.parse<CsvRecord>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0]!;
    throw new Error(`读取 ${path} 出错 · Could not read ${path}: row ${first.row}: ${first.message}`);
  }
  return parsed.data;
}
