/**
 * An `.xlsx` workbook's bytes → its sheets, each a list of rows of cell text, numbered as Excel and
 * WPS number them. Pure, and small enough to run in the browser: fflate opens the zip, saxes reads the
 * XML. Only what the data needs is read: which sheets there are, and what each cell holds.
 *
 * A cell's text is what staff meant, not its display format: a number is written out in full (a
 * 12-digit code in a column left as General is `150627101225`, never `1.50627E+11`; a float's noise
 * past 15 digits is dropped as Excel does), a date is `YYYY-MM-DD` (`YYYY-MM` when its format shows
 * no day; with a time of day when it has one), a boolean is `TRUE` or `FALSE`, an error its code
 * (`#N/A`), a formula its cached result. Text is as typed; Excel's leading apostrophe is a style,
 * not part of the text, and is not seen here.
 */
import { unzipSync, type Unzipped } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { fromDayNumber } from '../model/calendar.ts';

export type SheetRow = { row: number; cells: string[] };
export type Sheet = { name: string; hidden: boolean; rows: SheetRow[] };

/** Why a file is not a workbook this reader can open. */
export type WorkbookTrouble = 'encrypted-or-xls' | 'not-a-workbook' | 'no-sheets' | 'damaged';

export type WorkbookRead = { ok: true; sheets: Sheet[] } | { ok: false; trouble: WorkbookTrouble; detail?: string };

/** The signature of an OLE compound file: an old `.xls`, or an `.xlsx` saved with a password. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((byte, index) => bytes[index] === byte);

type Attributes = Record<string, string>;
type XmlHandlers = {
  open?: (name: string, attributes: Attributes) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
};

/** `x:row` → `row`: some writers put every element of a part in a prefixed namespace. */
const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** One part's XML, element by element; a malformed part throws. */
function walkXml(xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  const { open, close, text } = handlers;
  if (open !== undefined) parser.on('opentag', (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes));
  if (close !== undefined) parser.on('closetag', (tag: SaxesTagPlain) => close(localName(tag.name)));
  if (text !== undefined) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  parser.write(xml).close();
  if (failure !== undefined) throw failure;
}

/** An attribute by its local name (`r:id` is found as `id` only when asked for a prefixed one). */
function prefixedAttribute(attributes: Attributes, local: string): string | undefined {
  for (const [name, value] of Object.entries(attributes)) if (name.includes(':') && localName(name) === local) return value;
  return undefined;
}

const partText = (parts: Unzipped, path: string): string | undefined => {
  const bytes = parts[path];
  return bytes === undefined ? undefined : new TextDecoder('utf-8').decode(bytes);
};

/** `xl/worksheets/sheet1.xml` from a relationship's target, relative to its part's folder or absolute. */
function resolvePart(folder: string, target: string): string {
  const segments = target.startsWith('/') ? [] : folder.split('/').filter((s) => s !== '');
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

/** Relationships of a part: id → target part and type. */
function readRelationships(parts: Unzipped, partPath: string): Map<string, { path: string; type: string }> {
  const slash = partPath.lastIndexOf('/');
  const folder = slash < 0 ? '' : partPath.slice(0, slash);
  const name = partPath.slice(slash + 1);
  const xml = partText(parts, `${folder === '' ? '' : `${folder}/`}_rels/${name}.rels`);
  const relationships = new Map<string, { path: string; type: string }>();
  if (xml === undefined) return relationships;
  walkXml(xml, {
    open: (element, attributes) => {
      if (element !== 'Relationship' || attributes.Id === undefined || attributes.Target === undefined) return;
      if (attributes.TargetMode === 'External') return;
      relationships.set(attributes.Id, { path: resolvePart(folder, attributes.Target), type: attributes.Type ?? '' });
    },
  });
  return relationships;
}

/**
 * `_x000D_` and the like: how OOXML writes a character XML cannot hold (a CR, a control character)
 * inside a string. A CR before a line feed is Windows' line end inside a cell, read as the line feed alone.
 */
const unescapeOoxml = (text: string): string =>
  text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\r\n/g, '\n') : text;

/** The text of each shared string (rich-text runs joined; phonetic guides left out). */
function readSharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  walkXml(xml, {
    open: (element) => {
      if (element === 'si') current = [];
      else if (element === 'rPh') phonetic += 1;
      else if (element === 't' && phonetic === 0) inText = true;
    },
    close: (element) => {
      if (element === 'si') {
        strings.push(unescapeOoxml((current ?? []).join('')));
        current = undefined;
      } else if (element === 'rPh') phonetic -= 1;
      else if (element === 't') inText = false;
    },
    text: (text) => {
      if (inText) current?.push(text);
    },
  });
  return strings;
}

/** What a number format shows of a date: none (not a date), a month, a day, or a day and its time. */
type DateShape = 'none' | 'month' | 'date' | 'time';

/** Built-in formats that are dates (Excel's 14–22, 45–47, and the Chinese locale's 27–36, 50–58), by what they show. */
const BUILT_IN_DATES = new Map<number, DateShape>([
  ...[14, 15, 16, 30, 31, 28, 29, 51, 53, 54, 58].map((id) => [id, 'date'] as const),
  ...[17, 27, 36, 50, 52, 57].map((id) => [id, 'month'] as const),
  ...[18, 19, 20, 21, 22, 32, 33, 34, 35, 45, 46, 47, 55, 56].map((id) => [id, 'time'] as const),
]);

/** A custom format's shape: its date and time letters once quoted text, escapes, colours and conditions are taken out. */
function shapeOfFormat(code: string): DateShape {
  const bare = code
    .split(';')[0]!
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase();
  const hasDay = /d/.test(bare);
  const hasYear = /y|e/.test(bare);
  const hasTime = /h|s/.test(bare);
  if (!hasDay && !hasYear) return hasTime ? 'time' : 'none';
  if (hasTime) return 'time';
  return hasDay ? 'date' : 'month';
}

/** Per cell style (the `s` of a cell), what its number format shows of a date. */
function readDateStyles(xml: string | undefined): DateShape[] {
  if (xml === undefined) return [];
  const custom = new Map<number, DateShape>();
  const styles: DateShape[] = [];
  let inCellXfs = false;
  walkXml(xml, {
    open: (element, attributes) => {
      if (element === 'numFmt' && attributes.numFmtId !== undefined) custom.set(Number(attributes.numFmtId), shapeOfFormat(attributes.formatCode ?? ''));
      else if (element === 'cellXfs') inCellXfs = true;
      else if (element === 'xf' && inCellXfs) {
        const id = Number(attributes.numFmtId ?? '0');
        styles.push(custom.get(id) ?? BUILT_IN_DATES.get(id) ?? 'none');
      }
    },
    close: (element) => {
      if (element === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/**
 * A number as Excel shows it in a General cell, without its exponent: 15 significant digits (what a
 * double holds for sure), so `1234.5000000000002` is `1234.5`, and a whole number in full.
 */
export function numberText(raw: string): string {
  const text = raw.trim();
  // Digits as written need nothing (a code, an amount): only a float's noise or an exponent does.
  if (/^-?\d{1,15}(\.\d+)?$/.test(text) && text.replace(/[-.]/g, '').replace(/^0+/, '').length <= 15) return text;
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  const rounded = Number(value.toPrecision(15));
  if (Number.isInteger(rounded) && Math.abs(rounded) < 1e21) return BigInt(rounded).toString();
  // Small or fractional: toFixed with the digits the rounded value needs, no exponent.
  const exponent = Math.floor(Math.log10(Math.abs(rounded)));
  return exponent < -6 ? String(rounded) : rounded.toFixed(Math.min(20, Math.max(0, 14 - exponent))).replace(/\.?0+$/, '');
}

/** Excel's serial day 25569 is 1970-01-01 (1900 system, which counts a 29 February 1900 that never was); 24107 in the 1904 system. */
function serialToText(serial: number, shape: DateShape, date1904: boolean): string {
  const whole = Math.floor(serial);
  const seconds = Math.round((serial - whole) * 86_400);
  const days = whole + Math.floor(seconds / 86_400);
  const rest = seconds % 86_400;
  const dayNumber = date1904 ? days - 24_107 : days - (days < 60 ? 25_568 : 25_569);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}${rest % 60 === 0 ? '' : `:${pad(rest % 60)}`}`;
  // A time alone (a serial below one day) is only a time of day.
  if (days === 0 && shape === 'time') return time;
  const day = fromDayNumber(dayNumber);
  // Midnight is a date alone, as Excel's 2021/6/14 0:00 is read in a CSV file.
  if (rest === 0) return shape === 'month' ? day.slice(0, 7) : day;
  return `${day} ${time}`;
}

/** A cell reference's column, 0 for A: `C17` → 2. */
function columnIndexOf(reference: string): number {
  let index = 0;
  for (let i = 0; i < reference.length; i += 1) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) index = index * 26 + (code - 64);
    else if (code >= 97 && code <= 122) index = index * 26 + (code - 96);
    else break;
  }
  return index - 1;
}

type Context = { strings: string[]; dateStyles: DateShape[]; date1904: boolean };

/** A worksheet's rows of cell text; a row with no value is left out, and a missing cell is empty. */
function readWorksheet(xml: string, { strings, dateStyles, date1904 }: Context): SheetRow[] {
  const rows: SheetRow[] = [];
  let row: SheetRow | undefined;
  let column = -1;
  let cell: { type: string; style: number; value: string[]; inline: string[] } | undefined;
  let into: 'value' | 'inline' | undefined;
  let phonetic = 0;
  const finishCell = (): void => {
    if (cell === undefined || row === undefined) return;
    const raw = cell.value.join('');
    let text: string;
    switch (cell.type) {
      case 's':
        text = strings[Number(raw)] ?? '';
        break;
      case 'inlineStr':
        text = unescapeOoxml(cell.inline.join(''));
        break;
      case 'str':
        text = unescapeOoxml(raw);
        break;
      case 'b':
        text = raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : raw;
        break;
      case 'e':
        text = raw;
        break;
      case 'd':
        // An ISO 8601 date and time (strict OOXML): the date, and the time when it is not midnight.
        text = raw.replace(/T00:00(:00(\.0+)?)?Z?$/, '').replace('T', ' ');
        break;
      default: {
        const shape = dateStyles[cell.style] ?? 'none';
        const serial = Number(raw);
        text = raw.trim() === '' ? '' : shape !== 'none' && Number.isFinite(serial) && serial >= 0 ? serialToText(serial, shape, date1904) : numberText(raw);
      }
    }
    while (row.cells.length < column) row.cells.push('');
    row.cells[column] = text;
  };
  walkXml(xml, {
    open: (element, attributes) => {
      switch (element) {
        case 'row': {
          const number = attributes.r === undefined ? (rows.at(-1)?.row ?? 0) + 1 : Number(attributes.r);
          row = { row: number, cells: [] };
          column = -1;
          break;
        }
        case 'c':
          column = attributes.r === undefined ? column + 1 : columnIndexOf(attributes.r);
          cell = { type: attributes.t ?? 'n', style: Number(attributes.s ?? '0'), value: [], inline: [] };
          break;
        case 'v':
          into = 'value';
          break;
        case 'rPh':
          phonetic += 1;
          break;
        case 't':
          if (cell !== undefined && phonetic === 0) into = 'inline';
          break;
      }
    },
    close: (element) => {
      switch (element) {
        case 'row':
          // A row with no value (only formatting) is not part of the table, as Excel's own CSV export leaves it out at the end.
          if (row !== undefined && row.cells.some((text) => text !== '')) rows.push(row);
          row = undefined;
          break;
        case 'c':
          finishCell();
          cell = undefined;
          break;
        case 'v':
        case 't':
          into = undefined;
          break;
        case 'rPh':
          phonetic -= 1;
          break;
      }
    },
    text: (text) => {
      if (cell === undefined || into === undefined) return;
      (into === 'value' ? cell.value : cell.inline).push(text);
    },
  });
  return rows;
}

/** The workbook part's path, from the package's own relationships (`xl/workbook.xml` as Excel and WPS write it). */
function workbookPath(parts: Unzipped): string | undefined {
  for (const { path, type } of readRelationships(parts, '').values()) if (type.endsWith('/officeDocument') && parts[path] !== undefined) return path;
  return parts['xl/workbook.xml'] === undefined ? undefined : 'xl/workbook.xml';
}

/**
 * Every worksheet of a workbook, in the workbook's order (chart sheets and macro sheets left out),
 * or why the bytes are not a workbook. Never throws.
 */
export function readWorkbook(bytes: Uint8Array): WorkbookRead {
  if (startsWith(bytes, OLE)) return { ok: false, trouble: 'encrypted-or-xls' };
  if (!startsWith(bytes, ZIP)) return { ok: false, trouble: 'not-a-workbook' };
  let parts: Unzipped;
  try {
    // Only the parts a workbook's cells need: images and printer settings can be large.
    parts = unzipSync(bytes, { filter: (file) => file.name.endsWith('.xml') || file.name.endsWith('.rels') });
  } catch (error) {
    return { ok: false, trouble: 'damaged', detail: error instanceof Error ? error.message : String(error) };
  }
  try {
    const path = workbookPath(parts);
    if (path === undefined) return { ok: false, trouble: 'not-a-workbook' };
    const relationships = readRelationships(parts, path);
    const listed: { name: string; hidden: boolean; path: string }[] = [];
    let date1904 = false;
    walkXml(partText(parts, path)!, {
      open: (element, attributes) => {
        if (element === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
        if (element !== 'sheet') return;
        const id = prefixedAttribute(attributes, 'id');
        const target = id === undefined ? undefined : relationships.get(id);
        if (target === undefined || !target.type.endsWith('/worksheet')) return;
        listed.push({ name: attributes.name ?? '', hidden: (attributes.state ?? 'visible') !== 'visible', path: target.path });
      },
    });
    const typed = (suffix: string): string | undefined => [...relationships.values()].find((r) => r.type.endsWith(suffix))?.path;
    const stringsPath = typed('/sharedStrings');
    const stylesPath = typed('/styles');
    const context: Context = {
      strings: readSharedStrings(stringsPath === undefined ? undefined : partText(parts, stringsPath)),
      dateStyles: readDateStyles(stylesPath === undefined ? undefined : partText(parts, stylesPath)),
      date1904,
    };
    const sheets = listed.flatMap(({ name, hidden, path: sheetPath }) => {
      const xml = partText(parts, sheetPath);
      return xml === undefined ? [] : [{ name, hidden, rows: readWorksheet(xml, context) }];
    });
    return sheets.length === 0 ? { ok: false, trouble: 'no-sheets' } : { ok: true, sheets };
  } catch (error) {
    return { ok: false, trouble: 'damaged', detail: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}
