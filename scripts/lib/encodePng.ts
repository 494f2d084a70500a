/**
 * A PNG from RGBA pixels, written with as few bytes as the picture allows. resvg's own encoder writes
 * every picture as 32-bit colour; a chart has a few hundred colours at most (its marks, text and their
 * antialiased edges), so written with a palette its PNG is the same picture, pixel for pixel, at
 * about a third of the size. Pictures of more than 256 colours are written as 32-bit colour.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i += 1) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function header(width: number, height: number, colourType: number): Uint8Array {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data[8] = 8; // bit depth
  data[9] = colourType;
  return chunk('IHDR', data);
}

/** zlib's default: level 9 saved a further tenth of the bytes at seven times the time. */
const DEFLATE_LEVEL = 6;

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** `rgba`: width × height pixels, 4 bytes each, not premultiplied (as resvg's `pixels` are). */
export function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, width * height);
  const palette = new Map<number, number>();
  const indexed = new Uint8Array((width + 1) * height);
  let fits = true;
  // Most pixels repeat the one before (white, a bar's colour): looked up only when it changes.
  let last = -1;
  let lastIndex = 0;
  for (let y = 0, at = 0; y < height && fits; y += 1) {
    indexed[y * (width + 1)] = 0; // filter: none, which suits palette pictures best
    for (let x = 0; x < width; x += 1, at += 1) {
      const colour = pixels[at]!;
      if (colour === last) {
        indexed[y * (width + 1) + 1 + x] = lastIndex;
        continue;
      }
      let index = palette.get(colour);
      if (index === undefined) {
        if (palette.size === 256) {
          fits = false;
          break;
        }
        index = palette.size;
        palette.set(colour, index);
      }
      indexed[y * (width + 1) + 1 + x] = index;
      last = colour;
      lastIndex = index;
    }
  }
  if (!fits) {
    const rows = new Uint8Array((width * 4 + 1) * height);
    for (let y = 0; y < height; y += 1) rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
    return concat([SIGNATURE, header(width, height, 6), chunk('IDAT', deflateSync(rows, { level: DEFLATE_LEVEL })), chunk('IEND', new Uint8Array())]);
  }
  const colours = [...palette.keys()];
  const plte = new Uint8Array(colours.length * 3);
  const alpha = new Uint8Array(colours.length);
  const bytes = new Uint8Array(4);
  const asBytes = new Uint32Array(bytes.buffer);
  colours.forEach((colour, index) => {
    asBytes[0] = colour;
    plte.set(bytes.subarray(0, 3), index * 3);
    alpha[index] = bytes[3]!;
  });
  const opaque = alpha.every((value) => value === 255);
  return concat([
    SIGNATURE,
    header(width, height, 3),
    chunk('PLTE', plte),
    ...(opaque ? [] : [chunk('tRNS', alpha)]),
    chunk('IDAT', deflateSync(indexed, { level: DEFLATE_LEVEL })),
    chunk('IEND', new Uint8Array()),
  ]);
}
