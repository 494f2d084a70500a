/**
 * The one place that reads data/ from disk, for the command-line scripts and the Astro build alike.
 * The edition is the data's as-of date plus a digest of the files' bytes, so any change to any file
 * gives a new edition and a citation names exactly the data it was made from.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDataset, outlineCodeOf, type LoadedDataset } from '../read/loadDataset.ts';
import { entryProblem, folderProblem, isLockFile, isSpreadsheet, namesToRead, spreadsheetProblems, type EntryTrouble } from '../read/dataFolder.ts';
import type { Problem } from '../read/problem.ts';
import { REGION_CONFIG_FILE } from '../model/regionConfig.ts';
import { dayAt, latestDayOnEarth, utcOffsetHoursAt } from '../model/calendar.ts';

export const DATA_DIR = resolve(process.env.DATA_DIR ?? 'data');

/** The CSV files and xlsx workbooks of a data folder, and what could not be read there (never an exception). */
export type DataFiles = { files: Map<string, Uint8Array>; problems: Problem[] };

const errorCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

/** What stands at a `.csv` name that is not a readable file: followed through links, as reading would. */
function troubleOf(dir: string, entry: Dirent): EntryTrouble | undefined {
  if (entry.isFile()) return undefined;
  if (entry.isDirectory()) return 'folder';
  if (!entry.isSymbolicLink()) return 'not-a-file';
  try {
    const target = statSync(join(dir, entry.name));
    return target.isFile() ? undefined : target.isDirectory() ? 'folder' : 'not-a-file';
  } catch {
    return 'broken-link';
  }
}

export function readDataFiles(dir: string = DATA_DIR): DataFiles {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = errorCode(error);
    return { files: new Map(), problems: [folderProblem(dir, code === 'ENOENT' ? 'missing' : code === 'ENOTDIR' ? 'not-a-folder' : 'unreadable')] };
  }
  const files = new Map<string, Uint8Array>();
  const problems: Problem[] = [];
  const names = entries
    .map((entry) => entry.name)
    .filter((name) => !isLockFile(name))
    .sort();
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  for (const name of namesToRead(names)) {
    const trouble = troubleOf(dir, byName.get(name)!);
    if (trouble !== undefined) {
      problems.push(entryProblem(name, trouble));
      continue;
    }
    try {
      files.set(name, new Uint8Array(readFileSync(join(dir, name))));
    } catch (error) {
      problems.push(entryProblem(name, 'unreadable', errorCode(error)));
    }
  }
  problems.push(...spreadsheetProblems(names.filter(isSpreadsheet), new Set(files.keys())));
  return { files, problems };
}

export function digestFiles(files: ReadonlyMap<string, Uint8Array>): string {
  const hash = createHash('sha256');
  for (const [name, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(name).update('\0').update(bytes).update('\0');
  }
  return hash.digest('hex').slice(0, 8);
}

/** The region outlines in `<dir>/geo` (`<code>-boundary.wgs84.geojson`), their text by region code. */
export function readOutlines(dir: string = DATA_DIR): Map<string, string> {
  const geo = join(dir, 'geo');
  const outlines = new Map<string, string>();
  if (!existsSync(geo)) return outlines;
  // An outline that cannot be read is as good as none: locations are then not checked, and the report says so.
  try {
    for (const name of readdirSync(geo)) {
      const code = outlineCodeOf(name);
      if (code === undefined) continue;
      try {
        outlines.set(code, readFileSync(join(geo, name), 'utf8'));
      } catch {
        outlines.set(code, '');
      }
    }
  } catch {
    return outlines;
  }
  return outlines;
}

/** The text of the folder's settings file (region.json), when it has one; a file that cannot be read is read as empty, which the check refuses. */
export function readConfigText(dir: string = DATA_DIR): string | undefined {
  const file = join(dir, REGION_CONFIG_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * The day of the build, `YYYY-MM-DD`, for the check that the as-of is not in the future: the latest
 * date anywhere on earth (UTC+14), so an as-of of today is never refused wherever staff or the build
 * machine are; one day too far may pass, which is not what the check is for (an as-of of 2099).
 */
export function dayOfBuild(now: number = Date.now()): string {
  return latestDayOnEarth(now);
}

/** Today on this machine's own calendar (China Standard Time on staff machines): the day an edition is released. */
export function localDay(now: number = Date.now()): string {
  return dayAt(now, utcOffsetHoursAt(now));
}

export type DataDir = LoadedDataset & { edition: string; files: Map<string, Uint8Array> };

/** `today` is the day of the build (dayOfBuild); without it the as-of is not checked against the calendar. */
export function loadDataDir(dir: string = DATA_DIR, { today }: { today?: string } = {}): DataDir {
  const { files, problems } = readDataFiles(dir);
  const config = readConfigText(dir);
  const loaded = loadDataset(files, { today, outlines: readOutlines(dir), folderProblems: problems, ...(config === undefined ? {} : { config }) });
  const asOf = loaded.records.edition[0]?.as_of ?? 'undated';
  return { ...loaded, files, edition: `${asOf}-${digestFiles(files)}` };
}
