import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, type Encoding } from '../../src/read/decode.ts';
import { FIXTURES } from '../fixtures/encodings/fixtures.ts';

const HEADER = '村名,金额（元）\r\n高勒庙村,80万\r\n';
const RARE = '村名,备注\n㑇家村,㐀 𠀀 𪚥\n';

const encode = (text: string, encoding: string, addBOM = false): Uint8Array => new Uint8Array(iconv.encode(text, encoding, { addBOM }));

describe('decodeBytes', () => {
  it.each<[string, Uint8Array, Encoding, string]>([
    ['plain UTF-8', encode(HEADER, 'utf-8'), 'utf-8', HEADER],
    ['UTF-8 with a BOM ("CSV UTF-8" from Excel)', encode(HEADER, 'utf-8', true), 'utf-8-bom', HEADER],
    ['GBK ("CSV" from Excel on Chinese Windows)', encode(HEADER, 'gbk'), 'gb18030', HEADER],
    ['GB2312 characters', encode('村名,类别\n高勒庙村,村\n', 'gb2312'), 'gb18030', '村名,类别\n高勒庙村,村\n'],
    ['GB18030', encode(HEADER, 'gb18030'), 'gb18030', HEADER],
    ['GB18030 four-byte rare characters', encode(RARE, 'gb18030'), 'gb18030', RARE],
    ['UTF-16LE with a BOM ("Unicode text" from Excel)', encode(HEADER, 'utf-16le', true), 'utf-16le', HEADER],
    ['UTF-16BE with a BOM', encode(HEADER, 'utf-16be', true), 'utf-16be', HEADER],
    ['UTF-16LE without a BOM', encode(HEADER, 'utf-16le'), 'utf-16le', HEADER],
    ['UTF-16BE without a BOM', encode(HEADER, 'utf-16be'), 'utf-16be', HEADER],
    ['ASCII only', encode('a,b\n1,2\n', 'utf-8'), 'utf-8', 'a,b\n1,2\n'],
    ['an empty file', new Uint8Array(), 'utf-8', ''],
  ])('reads %s', (_name, bytes, encoding, text) => {
    expect(decodeBytes(bytes)).toEqual({ text, encoding });
  });

  it('reads Chinese headers saved as GBK, which are not valid UTF-8', () => {
    const bytes = encode('村名,金额（元）', 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeBytes(bytes).text.split(',')).toEqual(['村名', '金额（元）']);
  });

  it('reads GBK as GB18030 even when chardet would guess another encoding for a short file', () => {
    // GB18030 bytes of "台灣" look like Big5 to chardet; Excel in mainland China never writes Big5.
    const text = '村名\n台灣\n';
    expect(decodeBytes(encode(text, 'gbk'))).toEqual({ text, encoding: 'gb18030' });
  });

  it('removes the BOM but not the first character of the header', () => {
    const { text } = decodeBytes(encode('村名', 'utf-8', true));
    expect(text).toBe('村名');
    expect(text.codePointAt(0)).toBe('村'.codePointAt(0));
  });

  it('removes a GB18030 BOM', () => {
    expect(decodeBytes(encode('村名', 'gb18030', true))).toEqual({ text: '村名', encoding: 'gb18030' });
  });

  it.each([
    ['CRLF', 'a,b\r\n1,2\r\n'],
    ['LF', 'a,b\n1,2\n'],
    ['CR', 'a,b\r1,2\r'],
    ['mixed', 'a,b\r\n1,2\n3,4\r'],
  ])('keeps %s line endings as they are', (_name, text) => {
    expect(decodeBytes(encode(text, 'gbk')).text).toBe(text);
    expect(decodeBytes(encode(text, 'utf-16le', true)).text).toBe(text);
  });

  it('reads UTF-8 whose last character was cut off as UTF-8, not as garbled GB18030', () => {
    const whole = encode('村名,金额（元）\n高勒庙村,80万\n', 'utf-8');
    const cut = whole.subarray(0, whole.length - 2);
    const { text, encoding } = decodeBytes(cut);
    expect(encoding).toBe('utf-8');
    expect(text.startsWith('村名,金额（元）\n高勒庙村,80')).toBe(true);
  });

  it('is not led to UTF-16 by a single stray NUL in a GBK file', () => {
    const bytes = new Uint8Array([...encode('村名,备注\n高勒庙村,', 'gbk'), 0, ...encode('说明\n', 'gbk')]);
    expect(decodeBytes(bytes).encoding).toBe('gb18030');
  });
});

describe('decodeBytes on committed byte fixtures', () => {
  const read = (file: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/encodings/${file}`, import.meta.url)));

  it.each(FIXTURES.map((fixture) => [fixture.file, fixture] as const))('decodes %s', (file, fixture) => {
    expect(decodeBytes(read(file))).toEqual({ text: fixture.text, encoding: fixture.encoding });
  });

  it('holds real GBK bytes in funds.gbk.csv (资金 is D7CA BDF0, not valid UTF-8)', () => {
    const bytes = read('funds.gbk.csv');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect([...bytes.subarray(0, 4)]).toEqual([0xd7, 0xca, 0xbd, 0xf0]);
  });

  it('holds four-byte GB18030 sequences in names.gb18030.csv', () => {
    const bytes = read('names.gb18030.csv');
    const hex = Buffer.from(bytes).toString('hex');
    expect(hex).toContain('95328236'); // 𠀀 U+20000
    expect(hex).toContain('8139ee39'); // 㐀 U+3400
  });

  it('holds a UTF-16LE BOM in villages.utf16le.csv', () => {
    expect([...read('villages.utf16le.csv').subarray(0, 2)]).toEqual([0xff, 0xfe]);
  });
});
