/**
 * Workbooks written part by part as Excel and WPS write them (shared strings, cell styles pointing at
 * number formats, `r` references, a 1900 or 1904 calendar), so the reader is tested on the XML those
 * programs save rather than on what one library writes. Only for tests.
 */
import { strToU8, zipSync } from 'fflate';

/**
 * A cell: text (a shared string), a number, or the parts of a `<c>` as written: its type `t`, style
 * `s`, value `v`, inline text `is`, formula `f`. `null` leaves the cell out.
 */
export type CellSpec = string | number | null | { t?: string; s?: number; v?: string; is?: string; f?: string; raw?: string };

export type SheetSpec = {
  name: string;
  hidden?: boolean;
  /** Rows from row 1 on; or `{ row, cells }` to place a row at a row number of its own. */
  rows: (CellSpec[] | { row: number; cells: CellSpec[] })[];
};

export type WorkbookSpec = {
  sheets: SheetSpec[];
  /** Custom number formats, id ≥ 164. */
  numFmts?: { id: number; code: string }[];
  /** The number format of each cell style, by the style's index (`s`); style 0 is General. */
  cellXfs?: number[];
  date1904?: boolean;
  /** A namespace prefix for every element of the worksheets (`x` writes `<x:row>`), as some tools do. */
  prefix?: string;
  /** Shared strings given as they are written (rich text, phonetic runs), appended after those of the cells. */
  extraSharedStrings?: string[];
};

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const column = (index: number): string => {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
};

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function makeXlsx(spec: WorkbookSpec): Uint8Array {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const shared = (text: string): number => {
    let index = stringIndex.get(text);
    if (index === undefined) {
      index = strings.length;
      strings.push(`<si><t xml:space="preserve">${escapeXml(text)}</t></si>`);
      stringIndex.set(text, index);
    }
    return index;
  };
  const p = spec.prefix === undefined ? '' : `${spec.prefix}:`;
  const ns = spec.prefix === undefined ? `xmlns="${MAIN}"` : `xmlns:${spec.prefix}="${MAIN}"`;

  const sheetXml = (sheet: SheetSpec): string => {
    let next = 1;
    const rows = sheet.rows.map((entry) => {
      const { row, cells } = Array.isArray(entry) ? { row: next, cells: entry } : entry;
      next = row + 1;
      const xml = cells
        .map((cell, index) => {
          if (cell === null) return '';
          const ref = `${column(index)}${row}`;
          if (typeof cell === 'string') return `<${p}c r="${ref}" t="s"><${p}v>${shared(cell)}</${p}v></${p}c>`;
          if (typeof cell === 'number') return `<${p}c r="${ref}"><${p}v>${cell}</${p}v></${p}c>`;
          if (cell.raw !== undefined) return cell.raw;
          const attributes = `${cell.t === undefined ? '' : ` t="${cell.t}"`}${cell.s === undefined ? '' : ` s="${cell.s}"`}`;
          const inner = [
            cell.f === undefined ? '' : `<${p}f>${escapeXml(cell.f)}</${p}f>`,
            cell.v === undefined ? '' : `<${p}v>${escapeXml(cell.v)}</${p}v>`,
            cell.is === undefined ? '' : `<${p}is><${p}t>${escapeXml(cell.is)}</${p}t></${p}is>`,
          ].join('');
          return `<${p}c r="${ref}"${attributes}>${inner}</${p}c>`;
        })
        .join('');
      return `<${p}row r="${row}">${xml}</${p}row>`;
    });
    return `${HEAD}<${p}worksheet ${ns}><${p}sheetData>${rows.join('')}</${p}sheetData></${p}worksheet>`;
  };

  const sheets = spec.sheets.map(sheetXml);
  const allStrings = [...strings, ...(spec.extraSharedStrings ?? [])];
  const numFmts = spec.numFmts ?? [];
  const cellXfs = spec.cellXfs ?? [0];
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${spec.date1904 === true ? ' date1904="1"' : ''}/><sheets>${spec.sheets
        .map(
          (sheet, index) =>
            `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}"${sheet.hidden === true ? ' state="hidden"' : ''} r:id="rId${index + 1}"/>`,
        )
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${spec.sheets
        .map((_sheet, index) => `<Relationship Id="rId${index + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`)
        .join(
          '',
        )}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdY" Type="${REL}/styles" Target="/xl/styles.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(`${HEAD}<sst xmlns="${MAIN}" count="${allStrings.length}" uniqueCount="${allStrings.length}">${allStrings.join('')}</sst>`),
    'xl/styles.xml': strToU8(
      `${HEAD}<styleSheet xmlns="${MAIN}">${
        numFmts.length === 0
          ? ''
          : `<numFmts count="${numFmts.length}">${numFmts.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`).join('')}</numFmts>`
      }<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="${cellXfs.length}">${cellXfs
        .map((id) => `<xf numFmtId="${id}" xfId="0"${id === 0 ? '' : ' applyNumberFormat="1"'}/>`)
        .join('')}</cellXfs></styleSheet>`,
    ),
  };
  sheets.forEach((xml, index) => {
    files[`xl/worksheets/sheet${index + 1}.xml`] = strToU8(xml);
  });
  return zipSync(files);
}
