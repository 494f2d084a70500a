/**
 * A zip reader for the tests, written from the format (PKWARE APPNOTE 4.3) rather than with the library
 * that wrote the archive, so a test of the archive does not trust the writer to read its own output.
 * It reads stored entries only (the site's archives store, never deflate) and checks each CRC-32.
 */
import { crc32 } from 'node:zlib';

export type ZipRead = {
  name: string;
  bytes: Uint8Array;
  /** The DOS date and time of the entry, as written: `YYYY-MM-DD hh:mm:ss`, no time zone. */
  stamp: string;
};

const pad = (n: number) => String(n).padStart(2, '0');

export function readZip(zip: Uint8Array): ZipRead[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  if (view.getUint32(end, true) !== 0x06054b50) throw new Error('No end-of-central-directory record (or the archive has a comment)');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipRead[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`No central directory header at ${at}`);
    const method = view.getUint16(at + 10, true);
    const time = view.getUint16(at + 12, true);
    const date = view.getUint16(at + 14, true);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder('utf-8', { fatal: true }).decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (method !== 0) throw new Error(`${name} is not stored (method ${method})`);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`No local header for ${name}`);
    // The local header repeats the stamp; the data follows its own name and extra field.
    if (view.getUint16(local + 10, true) !== time || view.getUint16(local + 12, true) !== date) throw new Error(`${name}: local and central stamps differ`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const bytes = zip.subarray(start, start + size);
    if (crc32(bytes) !== crc) throw new Error(`${name}: CRC-32 does not match`);
    const stamp = `${(date >> 9) + 1980}-${pad((date >> 5) & 15)}-${pad(date & 31)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`;
    entries.push({ name, bytes, stamp });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
