/**
 * Released editions on disk: data/editions/<id>/ holds an edition's frozen copy and edition.json,
 * its manifest. History lives with the data, in git, reviewable in a pull request; nothing here ever
 * rewrites a released edition.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, type DataDir } from './readDataDir.ts';
import { packageOptions } from '../publish/packageOptions.ts';
import { freezeEdition } from '../publish/freezeEdition.ts';
import { EDITION_FORMAT, FIGURES_FILE, MANIFEST_FILE, PACKAGE_FILE, type EditionManifest } from '../model/editionManifest.ts';
import { loadDataset, type LoadedDataset } from '../read/loadDataset.ts';
import { migrateEdition, type EditionMigration } from '../read/migrateEdition.ts';
import { TABLES } from '../read/tables.ts';

export const EDITIONS_DIR = join(DATA_DIR, 'editions');

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** Every released edition, oldest first (by as-of date, then by release day). */
export function listEditions(dir: string = EDITIONS_DIR): EditionManifest[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, MANIFEST_FILE)))
    .map((entry) => JSON.parse(readFileSync(join(dir, entry.name, MANIFEST_FILE), 'utf8')) as EditionManifest)
    .sort((a, b) => a.asOf.localeCompare(b.asOf) || a.released.localeCompare(b.released) || a.id.localeCompare(b.id));
}

/**
 * An edition's frozen data, in today's layout (migrated in memory when the edition is older; its
 * files on disk are never rewritten), read and checked as a data folder is.
 */
export function loadEdition(manifest: EditionManifest, dir: string = EDITIONS_DIR, migrations?: readonly EditionMigration[]): LoadedDataset {
  const frozen = new Map(
    Object.keys(manifest.files)
      .filter((name) => name !== FIGURES_FILE && name !== PACKAGE_FILE)
      .map((name) => [name, new Uint8Array(readFileSync(join(dir, manifest.id, name)))]),
  );
  return loadDataset(migrateEdition(frozen, manifest.format, migrations === undefined ? {} : { migrations }));
}

/** The names of an edition's files whose bytes no longer match the sha256 its manifest recorded. */
export function checkEdition(manifest: EditionManifest, dir: string = EDITIONS_DIR): string[] {
  return Object.entries(manifest.files)
    .filter(([name, { sha256: recorded }]) => !existsSync(join(dir, manifest.id, name)) || sha256(readFileSync(join(dir, manifest.id, name))) !== recorded)
    .map(([name]) => name);
}

/**
 * Writes a new edition's folder: its files, then its manifest with each file's sha256. Written beside
 * and renamed into place, so a failure leaves no half-written edition.
 */
export function writeEdition(
  files: ReadonlyMap<string, string>,
  about: Omit<EditionManifest, 'files' | 'format'>,
  dir: string = EDITIONS_DIR,
): EditionManifest {
  const target = join(dir, about.id);
  if (existsSync(target)) throw new Error(`${target} exists`);
  const work = join(dir, `.${about.id}-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const manifest: EditionManifest = { format: EDITION_FORMAT, ...about, files: {} };
  for (const [name, text] of files) {
    const bytes = Buffer.from(text, 'utf8');
    writeFileSync(join(work, name), bytes);
    manifest.files[name] = { sha256: sha256(bytes), bytes: bytes.length };
  }
  writeFileSync(join(work, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(work, target);
  return manifest;
}

/** Whether frozen files hold the same data as an edition: every data file's sha256 alike. */
export const sameData = (files: ReadonlyMap<string, string>, edition: EditionManifest): boolean =>
  TABLES.every((table) => sha256(files.get(table.file)!) === edition.files[table.file]?.sha256);

/**
 * The last released edition, when data/ holds changes it does not: the build then says that the site
 * shows an edition no one released. Undefined when the data is released or nothing ever was.
 */
export function unreleasedSince(loaded: DataDir, editionsDir: string): EditionManifest | undefined {
  const last = listEditions(editionsDir).at(-1);
  if (last === undefined) return undefined;
  const files = freezeEdition(loaded.records, loaded.report.reconciliation, packageOptions(loaded.records, loaded.edition));
  return sameData(files, last) ? undefined : last;
}

/**
 * The variable by which `npm run build` names the editions whose pages this build renders, when it
 * holds the others' pages from an earlier build with the same inputs (scripts/lib/editionCache.ts).
 */
export const EDITION_PAGES_VARIABLE = 'EDITION_PAGES';

/** The editions whose own pages (/editions/<id>/…) this build renders: all, unless EDITION_PAGES names some. */
export function editionsToRender(dir: string = EDITIONS_DIR): EditionManifest[] {
  const named = process.env[EDITION_PAGES_VARIABLE];
  const all = listEditions(dir);
  if (named === undefined) return all;
  const ids = new Set(named.split(',').filter((id) => id !== ''));
  return all.filter((edition) => ids.has(edition.id));
}
