/**
 * The one place that reads data/ from disk, for the command-line scripts and the Astro build alike.
 * The edition is the data's as-of date plus a digest of the files' bytes, so any change to any file
 * gives a new edition and a citation names exactly the data it was made from.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDataset, type LoadedDataset } from '../read/loadDataset.ts';
import { dayAt } from '../model/calendar.ts';

export const DATA_DIR = resolve(process.env.DATA_DIR ?? 'data');

export function readDataFiles(dir: string = DATA_DIR): Map<string, Uint8Array> {
  const names = readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.csv'))
    .sort();
  return new Map(names.map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]));
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
  if (!existsSync(geo)) return new Map();
  const outlines = new Map<string, string>();
  for (const name of readdirSync(geo)) {
    const code = /^(\d+)-boundary\.wgs84\.geojson$/.exec(name)?.[1];
    if (code !== undefined) outlines.set(code, readFileSync(join(geo, name), 'utf8'));
  }
  return outlines;
}

/**
 * The day of the build, `YYYY-MM-DD`, for the check that the as-of is not in the future: the latest
 * date anywhere on earth (UTC+14), so an as-of of today is never refused wherever staff or the build
 * machine are; one day too far may pass, which is not what the check is for (an as-of of 2099).
 */
export function dayOfBuild(now: number = Date.now()): string {
  return dayAt(now, 14);
}

export type DataDir = LoadedDataset & { edition: string; files: Map<string, Uint8Array> };

/** `today` is the day of the build (dayOfBuild); without it the as-of is not checked against the calendar. */
export function loadDataDir(dir: string = DATA_DIR, { today }: { today?: string } = {}): DataDir {
  const files = readDataFiles(dir);
  const loaded = loadDataset(files, { today, outlines: readOutlines(dir) });
  const asOf = loaded.records.edition[0]?.as_of ?? 'undated';
  return { ...loaded, files, edition: `${asOf}-${digestFiles(files)}` };
}
