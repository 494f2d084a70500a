/**
 * A data folder's datapackage.json, made from its data (npm run data:describe) and made again by every
 * command that rewrites the data (init-region, data:sample, data:review), so that a freshly started
 * region's descriptor is current and tests/data/dataFolder.test.ts holds for it too.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataDir } from '../../src/load/readDataDir.ts';
import { describePackage } from '../../src/publish/describePackage.ts';
import { packageOptions } from '../../src/publish/packageOptions.ts';
import type { Records } from '../../src/read/tables.ts';

export const DATA_PACKAGE_FILE = 'datapackage.json';

/** The text of datapackage.json for validated records, as committed. */
export function dataPackageText(records: Records): string {
  return `${JSON.stringify(describePackage(records, packageOptions(records)), null, 2)}\n`;
}

/**
 * Writes the folder's datapackage.json when the folder holds a whole dataset that validates; a folder
 * that does not (a sample written apart from its divisions, say) keeps what it has. True when written.
 */
export function refreshDataPackage(dir: string): boolean {
  const { records, report } = loadDataDir(dir);
  if (!report.ok) return false;
  writeFileSync(join(dir, DATA_PACKAGE_FILE), dataPackageText(records));
  return true;
}
