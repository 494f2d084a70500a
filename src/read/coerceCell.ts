/**
 * One cell's text → its typed value, by the kind of its column, or the rule the text breaks with a
 * message and a hint. The caller adds where the cell is. This runs for every cell of every row, so a
 * column's parser is built once (`compileCell`) and returns the bare value: nothing is allocated on
 * the way to a good value but the value itself.
 */
import type { Bilingual } from '../i18n/locale.ts';
import {
  normalizeDigits,
  parseDate,
  parseDecimal,
  parseInteger,
  parseMoney,
  parseMonth,
  parseNumber,
  readPlainDate,
  readPlainHundredths,
  readPlainInteger,
  readPlainMonth,
  readPlainNumber,
  type Coerced,
} from './coerce.ts';
import { ID_PATTERN, type Field, type FieldMeta } from './field.ts';
import type { Cause, Rule } from './problem.ts';
import { isWhiteSpace } from './parseCsv.ts';
import { lookUpTerm } from '../model/vocabulary.ts';
import { listControlCharacters, showControlCharacters } from '../format/controlCharacters.ts';
import { restoreFormula } from '../model/formulaCell.ts';

const APOSTROPHE = 39;

export type CellFailure = { ok: false; rule: Rule; message: Bilingual; hint: Bilingual; cause?: Cause };

/**
 * What a column's parser returns: the typed value (undefined for an empty optional cell), or a
 * failure. Typed values are strings, numbers and bigints, never objects, so an object is a failure.
 */
export type CellResult = unknown;

export const isCellFailure = (result: CellResult): result is CellFailure => typeof result === 'object' && result !== null;

/** A column's parser: one cell's text → `CellResult`. */
export type CellParser = (text: string) => CellResult;

/**
 * Kinds whose parser does not by itself enforce every constraint of the column's zod schema: their
 * value is checked against the schema too. The other kinds' parsers, with the range check below,
 * yield exactly the schema's values; running zod on every cell of a large file instead cost more
 * than parsing it (a test checks every record of the default data against the full table schema).
 */
const CHECKED_BY_SCHEMA = new Set<FieldMeta['kind']>(['url']);

// Excel turns a 12-digit code into 1.50627E+11 unless the column is formatted as text.
const SCIENTIFIC = /^\d(\.\d+)?e\+\d+$/i;

// `1234,5`, `109,778220` or `1.234,56`: a comma as the decimal mark, as European settings write
// numbers. Only a cell that failed is asked: `1,234` (thousands) is read as a number before this.
const DECIMAL_COMMA = /^-?(\d{1,3}(\.\d{3})+|\d+),\d+$/;
/**
 * A code as some tools write it: after Excel's leading apostrophe (typed to keep a code as text, and
 * written out by some systems' exports) or with a trailing `.0` (a code that went through a float on
 * its way, as pandas writes it). Neither is part of the code; anything else is left as it is.
 */
const DECORATED_CODE = /^['‘’]?(\d+)(\.0+)?$/;
const bareCode = (text: string): string => DECORATED_CODE.exec(text)?.[1] ?? text;

const NUMERIC_KINDS = new Set<FieldMeta['kind']>(['money', 'decimal', 'number', 'integer']);

const HINTS: Record<string, Bilingual> = {
  code: {
    zh: '填写纯数字代码；在 Excel 中先把该列设为“文本”格式，以免变成科学计数法',
    en: 'Type the code as digits only; in Excel format the column as Text first so it is not turned into scientific notation',
  },
  id: { zh: '编号只能含字母、数字、“-”和“_”', en: 'Ids may contain only letters, digits, "-" and "_"' },
  money: {
    zh: '金额写成 150000000、150,000,000、1.5亿、2600万 或 80万元，最多两位小数',
    en: 'Write amounts like 150000000, 150,000,000, 1.5亿, 2600万 or 80万元, with at most two decimals',
  },
  decimal: { zh: '数值写成 800、1.5亿 或 5600，最多两位小数', en: 'Write values like 800, 1.5亿 or 5600, with at most two decimals' },
  integer: { zh: '填写不带小数的非负整数', en: 'Write a whole number without decimals' },
  number: { zh: '填写十进制数，如 109.778220', en: 'Write a decimal number such as 109.778220' },
  date: { zh: '日期写成 2021-10-14、2021/10/14 或 2021年10月14日', en: 'Write dates as 2021-10-14, 2021/10/14 or 2021年10月14日' },
  month: { zh: '月份写成 2021-10 或 2021年10月', en: 'Write months as 2021-10 or 2021年10月' },
  text: { zh: '填写文字', en: 'Type some text' },
  url: { zh: '填写以 http:// 或 https:// 开头的完整链接', en: 'Write a full link starting with http:// or https://' },
};

function parseByKind(meta: FieldMeta, text: string): Coerced<unknown> & { rule?: Rule; cause?: Cause } {
  switch (meta.kind) {
    case 'money':
      return parseMoney(text);
    case 'decimal':
      return parseDecimal(text);
    case 'integer':
      return parseInteger(text);
    case 'number':
      return parseNumber(text);
    case 'date':
      return parseDate(text);
    case 'month':
      return parseMonth(text);
    case 'code': {
      const digits = /^\d+$/.test(text) ? text : bareCode(normalizeDigits(text));
      const lengths = meta.codeLengths ?? [];
      if (/^\d+$/.test(digits) && lengths.includes(digits.length)) return { ok: true, value: digits };
      if (SCIENTIFIC.test(digits)) {
        return {
          ok: false,
          reason: { zh: '代码被 Excel 变成了科学计数法', en: 'Excel turned the code into scientific notation' },
          cause: 'excel-scientific-code',
        };
      }
      return { ok: false, reason: { zh: `代码应为 ${lengths.join('、')} 位数字`, en: `A code must be ${lengths.join(', ')} digits long` } };
    }
    case 'enum': {
      const key = meta.vocabulary === undefined ? undefined : lookUpTerm(meta.vocabulary, text);
      if (key !== undefined) return { ok: true, value: key };
      const terms = Object.values(meta.vocabulary ?? {});
      return {
        ok: false,
        rule: 'allowed-values',
        reason: {
          zh: `只能填写：${terms.map((t) => t.zh).join('、')}`,
          en: `Must be one of: ${terms.map((t) => `${t.zh} (${t.en})`).join(', ')}`,
        },
      };
    }
    case 'url':
      // A link the site shows must open a web page: javascript:, data:, file: and vbscript: links do not.
      return /^https?:\/\//i.test(text)
        ? { ok: true, value: text }
        : {
            ok: false,
            rule: 'url-scheme',
            reason: { zh: '只接受以 http:// 或 https:// 开头的链接', en: 'only links starting with http:// or https:// are accepted' },
          };
    case 'id':
      return ID_PATTERN.test(text)
        ? { ok: true, value: text }
        : { ok: false, reason: { zh: '编号只能含字母、数字、“-”和“_”', en: 'an id may contain only letters, digits, "-" and "_"' } };
    default:
      return { ok: true, value: text };
  }
}

/** A cell holding U+FFFD, which decoding leaves where bytes were not valid in the file's encoding. */
export const UNDECODABLE: CellFailure = {
  ok: false,
  rule: 'encoding',
  message: {
    zh: '此单元格含有无法识别的字节（文件编码不是 UTF-8 或 GB18030，或已损坏）',
    en: 'This cell has bytes that could not be decoded (the file is neither UTF-8 nor GB18030, or is damaged)',
  },
  hint: {
    zh: '在 Excel 或 WPS 中另存为“CSV UTF-8”，并检查此单元格的文字',
    en: 'Save the file again as “CSV UTF-8” in Excel or WPS, and check the text of this cell',
  },
};

/**
 * A cell holding an invisible character (hasControlCharacter): shown, in the message as in the
 * report's value, with each such character as a visible escape, never as itself.
 */
export function controlCharacterFailure(text: string): CellFailure {
  const shown = showControlCharacters(text);
  const characters = listControlCharacters(text);
  return {
    ok: false,
    rule: 'control-character',
    message: {
      zh: `“${shown}”含有不可见的控制字符或文字方向字符：${characters.join('、')}`,
      en: `“${shown}” holds invisible control or text-direction characters: ${characters.join(', ')}`,
    },
    hint: {
      zh: '删除这些字符：重新输入该单元格，或在 Excel 中用 CLEAN() 清除；只有备注和原文可以换行',
      en: "Delete them: type the cell again, or clean it with Excel's CLEAN(); only notes and quotations may hold line breaks",
    },
  };
}

/**
 * The first reading of a cell by the kind of its column, without allocating: the value, or
 * undefined when the text is not in the plain form (the full parser then decides and explains).
 */
function plainReader(meta: FieldMeta): (text: string) => unknown {
  switch (meta.kind) {
    case 'money':
    case 'decimal':
      return readPlainHundredths;
    case 'integer':
      return readPlainInteger;
    case 'number':
      return readPlainNumber;
    case 'date':
      return readPlainDate;
    case 'month':
      return readPlainMonth;
    case 'code': {
      const lengths = meta.codeLengths ?? [];
      return (text) => (lengths.includes(text.length) && isAsciiDigits(text) ? text : undefined);
    }
    case 'enum': {
      const { vocabulary } = meta;
      if (vocabulary === undefined) return () => undefined;
      // Staff mostly type the Chinese labels. Comparing a cell with those few strings needs no hash of
      // it, unlike a lookup; their keys are lookUpTerm's own answers, so the result is the same.
      const labels = Object.values(vocabulary).map((term) => ({ label: term.zh, key: lookUpTerm(vocabulary, term.zh) }));
      return (text) => {
        for (const { label, key } of labels) if (text === label) return key;
        return lookUpTerm(vocabulary, text);
      };
    }
    case 'id':
      return (text) => (isAsciiId(text) ? text : undefined);
    case 'url':
      return () => undefined;
    default:
      return (text) => text;
  }
}

function isAsciiDigits(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Letters, digits, `-` and `_` in ASCII: a subset of ID_PATTERN, checked without a regular expression. */
function isAsciiId(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const ok = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45 || code === 95;
    if (!ok) return false;
  }
  return text.length > 0;
}

/**
 * The parser of one column, built once per file: it knows its field's kind, range and header, so a
 * cell costs the plain reading and, for a number, the range check. Anything else takes the full
 * parser of coerce.ts, which also explains a refusal.
 */
export function compileCell(field: Field, header: string): CellParser {
  const { meta } = field;
  const readPlain = plainReader(meta);
  const ranged = meta.minimum !== undefined || meta.maximum !== undefined;
  // A text cell of a published CSV put back in data/: its formula-defusing apostrophe comes off.
  const restore = meta.kind === 'text';
  return (text) => {
    // Only a cell that starts with white space can be blank; trim is not called for the others.
    if (text === '' || (isWhiteSpace(text.charCodeAt(0)) && text.trim() === '')) return meta.required ? requiredFailure(meta, header) : undefined;
    if (restore && text.charCodeAt(0) === APOSTROPHE) text = restoreFormula(text);
    const plain = readPlain(text);
    if (plain === undefined) return coerceFully(field, text);
    return ranged && typeof plain === 'number' && !withinRange(meta, plain) ? outOfRange(meta, text) : plain;
  };
}

/** One cell, once: `compileCell` for a single use. */
export function coerceCell(field: Field, text: string, header: string): CellResult {
  return compileCell(field, header)(text);
}

function requiredFailure(meta: FieldMeta, header: string): CellFailure {
  return {
    ok: false,
    rule: 'required',
    message: { zh: `“${header}”不能为空`, en: `${header} must not be empty` },
    hint: { zh: `填写${meta.description.zh}`, en: `Fill in: ${meta.description.en}` },
  };
}

/** A non-blank cell the plain reader did not recognise: the full grammar, the range and, for some kinds, the schema. */
function coerceFully(field: Field, text: string): CellResult {
  const { meta } = field;
  const outcome = parseByKind(meta, text);
  if (outcome.ok) {
    if (typeof outcome.value === 'number' && !withinRange(meta, outcome.value)) return outOfRange(meta, text);
    if (CHECKED_BY_SCHEMA.has(meta.kind) && !field.schema.safeParse(outcome.value).success) {
      return { ok: false, rule: 'type', message: invalid(text, { zh: '格式不符合要求', en: 'not in the required form' }), hint: hintFor(meta) };
    }
    return outcome.value;
  }
  const rule: Rule = outcome.rule ?? (meta.kind === 'enum' ? 'allowed-values' : 'type');
  const cause = 'cause' in outcome ? outcome.cause : NUMERIC_KINDS.has(meta.kind) && DECIMAL_COMMA.test(text.trim()) ? 'decimal-comma' : undefined;
  return { ok: false, rule, message: invalid(text, outcome.reason), hint: hintFor(meta), ...(cause === undefined ? {} : { cause }) };
}

const invalid = (text: string, reason: Bilingual): Bilingual => ({
  zh: `“${text}”无效：${reason.zh}`,
  en: `“${text}” is not valid: ${reason.en}`,
});

const hintFor = (meta: FieldMeta): Bilingual =>
  meta.kind === 'enum'
    ? { zh: '从允许的值中选一个（见 data/README.md）', en: 'Pick one of the allowed values (see data/README.md)' }
    : (HINTS[meta.kind] ?? HINTS.text!);

const withinRange = (meta: FieldMeta, value: number): boolean =>
  (meta.minimum === undefined || value >= meta.minimum) && (meta.maximum === undefined || value <= meta.maximum);

function outOfRange(meta: FieldMeta, text: string): CellFailure {
  const limits = [meta.minimum, meta.maximum].filter((n) => n !== undefined).join(' – ');
  return {
    ok: false,
    rule: 'range',
    message: invalid(text, { zh: `超出允许范围 ${limits}`, en: `outside the allowed range ${limits}` }),
    hint: hintFor(meta),
  };
}
