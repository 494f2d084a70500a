/**
 * Released editions on disk: data/editions/<id>/ holds an edition's frozen copy and edition.json,
 * its manifest. History lives with the data, in git, reviewable in a pull request; nothing here ever
 * rewrites a released edition.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from './readDataDir.ts';
import { EDITION_FORMAT, MANIFEST_FILE, type EditionManifest } from '../model/editionManifest.ts';
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

/** An edition's frozen data files, as loadDataset reads a data folder. */
export function readEditionData(id: string, dir: string = EDITIONS_DIR): Map<string, Uint8Array> {
  return new Map(TABLES.map((table) => [table.file, new Uint8Array(readFileSync(join(dir, id, table.file)))]));
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
