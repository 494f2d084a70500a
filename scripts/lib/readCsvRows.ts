/**
 * The data scripts' one CSV reader: a file (UTF-8, with or without a BOM) → its rows as records by
 * header. Not the pipeline's reader (src/read/), which checks and types every cell; the scripts read
 * their own committed files and the statistical division list, which are already plain.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';

export type CsvRecord = Record<string, string>;

/** A file's text; a `.gz` file (the reference data in reference/geo/) is unzipped first. */
export function readText(path: string): string {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/**
 * `linePrefix` keeps, before parsing, only the lines starting with it (villages.csv of the whole
 * country is 38 MB); several prefixes keep the lines starting with any of them.
 */
export function readCsvRows(path: string, linePrefix: string | readonly string[] = ''): CsvRecord[] {
  let text = readText(path).replace(/^\uFEFF/, '');
  const prefixes = typeof linePrefix === 'string' ? [linePrefix] : linePrefix;
  if (prefixes.some((prefix) => prefix !== '')) {
    const lines = text.split('\n');
    text = [lines[0], ...lines.slice(1).filter((line) => prefixes.some((prefix) => line.startsWith(prefix)))].join('\n');
  }
  const parsed = Papa.parse<CsvRecord>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0]!;
    throw new Error(`读取 ${path} 出错 · Could not read ${path}: row ${first.row}: ${first.message}`);
  }
  return parsed.data;
}
