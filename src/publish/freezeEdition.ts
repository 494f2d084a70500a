/**
 * An edition's frozen copy: exactly the files the site publishes of its data (every data file
 * normalised, datapackage.json) and its derived figures as JSON, so the edition can be shown and
 * cited unchanged whatever later editions and later versions of the tool do. Pure: src/load/editions.ts
 * hashes and writes what this returns.
 */
import type { Reconciliation } from '../read/reconcile.ts';
import { RECORD_KEYS, TABLES, type Records } from '../read/tables.ts';
import type { AnyTable } from '../read/field.ts';
import { formatHundredths } from '../format/money.ts';
import { describePackage, type PackageOptions } from './describePackage.ts';
import { toCsv } from './toCsv.ts';
import { FIGURES_FILE, PACKAGE_FILE } from '../model/editionManifest.ts';

/** The reconciled figures with exact decimals (JSON has no bigint), as the edition showed them. */
export function figuresToJson(reconciliation: readonly Reconciliation[]): string {
  return `${JSON.stringify({ reconciliation }, (_key, value: unknown) => (typeof value === 'bigint' ? formatHundredths(value) : value), 2)}\n`;
}

/** The files of a frozen copy, by name: each data file normalised, datapackage.json and figures.json. */
export function freezeEdition(records: Records, reconciliation: readonly Reconciliation[], options: PackageOptions): Map<string, string> {
  const files = new Map<string, string>();
  for (const table of TABLES as readonly AnyTable[]) {
    const rows = records[RECORD_KEYS[table.file as keyof typeof RECORD_KEYS]] as unknown as Record<string, unknown>[];
    files.set(table.file, toCsv(table, rows));
  }
  files.set(PACKAGE_FILE, `${JSON.stringify(describePackage(records, options), null, 2)}\n`);
  files.set(FIGURES_FILE, figuresToJson(reconciliation));
  return files;
}
