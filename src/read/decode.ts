/**
 * Bytes → text. Staff save CSV from Excel or WPS, which in mainland China write GBK ("CSV (逗号分隔)"),
 * UTF-8 with a BOM ("CSV UTF-8"), or UTF-16LE with a BOM ("Unicode 文本"); editors and scripts write plain
 * UTF-8. Nobody knows which one they chose, so the encoding is detected, never asked for.
 *
 * Order of evidence, strongest first:
 * 1. A byte-order mark is unambiguous.
 * 2. UTF-16 without a BOM: a text file never contains NUL bytes, but UTF-16 puts one beside every
 *    ASCII character (the commas and line breaks of a CSV), all on the same side.
 * 3. Bytes that are valid UTF-8 are UTF-8: GBK text practically never happens to be valid UTF-8,
 *    while ASCII-only files are the same in both.
 * 4. Otherwise chardet is asked. The one answer it is trusted with is "this is UTF-8 after all" (it
 *    says so when the only fault is a character cut off at the end), because decoding such a file as
 *    GB18030 would garble every Chinese character instead of one.
 * 5. Everything else is read as GB18030. chardet's other guesses are not followed: on a CSV of a few
 *    hundred bytes it often ranks Big5, EUC-KR, Shift_JIS or an ISO-8859 code page first even for
 *    plain GBK, and the tools this site's staff use cannot write those encodings anyway. GB18030 is a
 *    superset of GB2312 and GBK (the "ANSI" code page 936 of Chinese Windows), so no character of such
 *    a file is lost, and it also decodes rare characters (㑇, 𠀀) that need its four-byte sequences.
 */
import chardet from 'chardet';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

export type Decoded = {
  text: string;
  encoding: Encoding;
  /**
   * A UTF-8 byte-order mark on bytes that are not UTF-8 (an editor added the mark to a GBK or Big5
   * file): what the bytes look like instead. Such a file is not read at all (see readTable.ts).
   */
  mislabelled?: 'GBK' | 'Big5';
};

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((byte, index) => bytes[index] === byte);

const BOMS: readonly { bytes: readonly number[]; encoding: Encoding }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8-bom' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/**
 * The decoders of the Encoding Standard, which Node (with its full ICU) and every browser have: the
 * same bytes give the same text on the command line and in the checker page of the site.
 */
function decodeAs(bytes: Uint8Array, encoding: Encoding): string {
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  // ignoreBOM keeps a mark in the text: the caller has taken off the one it found, and strips GB18030's.
  return new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
}

/** Which byte of each pair holds the NULs, if the bytes look like BOM-less UTF-16. */
function guessUtf16(bytes: Uint8Array): Encoding | undefined {
  // Most files have no NUL at all; finding that out natively spares a loop over every byte.
  if (bytes.indexOf(0) < 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even += 1;
      else odd += 1;
    }
  }
  // Even a CSV of Chinese text has ASCII commas and line breaks in UTF-16, so one byte in twenty is a
  // low bar; it still keeps a stray NUL in a GBK or UTF-8 file from deciding anything.
  if (even + odd < Math.max(2, bytes.length / 20)) return undefined;
  if (odd > even * 9) return 'utf-16le';
  if (even > odd * 9) return 'utf-16be';
  return undefined;
}

/** The text, when the bytes are valid UTF-8 throughout; the test is the decoding itself, kept. */
function decodeStrictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The encoding, with the text when finding the encoding already decoded it (BOM-less UTF-8). */
function detectEncoding(bytes: Uint8Array): { encoding: Encoding; bomLength: number; text?: string } {
  for (const bom of BOMS) {
    if (startsWith(bytes, bom.bytes)) return { encoding: bom.encoding, bomLength: bom.bytes.length };
  }
  const utf16 = guessUtf16(bytes);
  if (utf16 !== undefined) return { encoding: utf16, bomLength: 0 };
  const text = decodeStrictUtf8(bytes);
  if (text !== undefined) return { encoding: 'utf-8', bomLength: 0, text };
  const best = chardet.analyse(bytes)[0];
  if (best?.name === 'UTF-8' && best.confidence >= 80) return { encoding: 'utf-8', bomLength: 0 };
  return { encoding: 'gb18030', bomLength: 0 };
}

/**
 * What a UTF-8-marked file's bytes are when they are not UTF-8. One bad sequence is a character cut
 * off (read as UTF-8, as before); two or more mean another encoding. Decoding those bytes anyway would
 * publish every Chinese name garbled, so they are named instead: Big5 when chardet says so, else GBK.
 */
function notUtf8AfterBom(body: Uint8Array): 'GBK' | 'Big5' | undefined {
  if (decodeStrictUtf8(body) !== undefined) return undefined;
  const text = new TextDecoder('utf-8').decode(body);
  let bad = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0 && bad < 2; at = text.indexOf('\uFFFD', at + 1)) bad += 1;
  if (bad < 2) return undefined;
  return chardet.analyse(body).find((match) => match.name === 'Big5' || match.name === 'GB18030')?.name === 'Big5' ? 'Big5' : 'GBK';
}

/**
 * Detects the encoding of a CSV file's bytes and decodes them. The BOM is removed from the text;
 * line endings are left as they are (the CSV reader accepts CRLF, LF and CR).
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const { encoding, bomLength, text: decoded } = detectEncoding(bytes);
  if (encoding === 'utf-8-bom') {
    const mislabelled = notUtf8AfterBom(bytes.subarray(bomLength));
    if (mislabelled !== undefined) return { text: '', encoding, mislabelled };
  }
  const text = decoded ?? decodeAs(bytes.subarray(bomLength), encoding);
  // GB18030 has a BOM of its own (84 31 95 33), which decodes to U+FEFF like any other.
  return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, encoding };
}
