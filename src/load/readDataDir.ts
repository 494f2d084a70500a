/**
 * The one place that reads data/ from disk, for the command-line scripts and the Astro build alike.
 * The edition is the data's as-of date plus a digest of the files' bytes, so any change to any file
 * gives a new edition and a citation names exactly the data it was made from.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDataset, type LoadedDataset } from '../read/loadDataset.ts';

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

export type DataDir = LoadedDataset & { edition: string; files: Map<string, Uint8Array> };

export function loadDataDir(dir: string = DATA_DIR): DataDir {
  const files = readDataFiles(dir);
  const loaded = loadDataset(files);
  const asOf = loaded.records.edition[0]?.as_of ?? 'undated';
  return { ...loaded, files, edition: `${asOf}-${digestFiles(files)}` };
}
