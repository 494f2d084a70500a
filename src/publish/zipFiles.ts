/**
 * A zip archive whose bytes depend on nothing but its files, their order and one day: the same input
 * gives the same archive in any build, on any machine, in any time zone, so its sha256 can be cited.
 */
import { zipSync, type Zippable } from 'fflate';
import { localNoonOf } from '../model/calendar.ts';

export type ZipEntry = { name: string; bytes: Uint8Array };

/**
 * The entries in the order given, each stamped `day` 12:00. Stored, not deflated: the bytes of a
 * stored entry are the file itself, so no compressor's version can change an edition's archive (the
 * web server compresses it in transit).
 */
export function zipFiles(entries: readonly ZipEntry[], day: string): Uint8Array<ArrayBuffer> {
  const names = new Set<string>();
  const zippable: Zippable = {};
  const mtime = localNoonOf(day);
  for (const { name, bytes } of entries) {
    // fflate keeps its input's key order, except that integer-like keys come first: none is allowed.
    if (names.has(name) || /^\d+$/.test(name) || name.startsWith('/') || name.split('/').includes('..')) {
      throw new Error(`Not a zip entry name, or named twice: ${name}`);
    }
    names.add(name);
    zippable[name] = [bytes, { level: 0, mtime }];
  }
  return zipSync(zippable);
}
