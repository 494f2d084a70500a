/**
 * One cell's text → its typed value, by the kind of its column, or the rule the text breaks with a
 * message and a hint. The caller adds where the cell is: this runs for every cell of every row, so
 * nothing is allocated here on the way to a good value but the value itself.
 */
import {
  normalizeDigits, parseDate, parseDecimal, parseInteger, parseMoney, parseMonth, parseNumber, type Coerced,
} from './coerce.ts';
import { ID_PATTERN, type Field, type FieldMeta } from './field.ts';
import type { Bilingual, Rule } from './problem.ts';
import { lookUpTerm } from './vocabulary.ts';

export type CellFailure = { ok: false; rule: Rule; message: Bilingual; hint: Bilingual };
export type CellOutcome = { ok: true; value: unknown } | CellFailure;

const EMPTY_OPTIONAL: CellOutcome = { ok: true, value: undefined };

/**
 * Kinds whose parser does not by itself enforce every constraint of the column's zod schema: their
 * value is checked against the schema too. The other kinds' parsers, with the range check below,
 * yield exactly the schema's values; running zod on every cell of a large file instead cost more
 * than parsing it (a test checks every record of the default data against the full table schema).
 */
const CHECKED_BY_SCHEMA = new Set<FieldMeta['kind']>(['url']);

// Excel turns a 12-digit code into 1.50627E+11 unless the column is formatted as text.
const SCIENTIFIC = /^\d(\.\d+)?e\+\d+$/i;

const HINTS: Record<string, Bilingual> = {
  code: { zh: '填写纯数字代码；在 Excel 中先把该列设为“文本”格式，以免变成科学计数法', en: 'Type the code as digits only; in Excel format the column as Text first so it is not turned into scientific notation' },
  id: { zh: '编号只能含字母、数字、“-”和“_”', en: 'Ids may contain only letters, digits, "-" and "_"' },
  money: { zh: '金额写成 150000000、150,000,000、1.5亿、2600万 或 80万元，最多两位小数', en: 'Write amounts like 150000000, 150,000,000, 1.5亿, 2600万 or 80万元, with at most two decimals' },
  decimal: { zh: '数值写成 800、1.5亿 或 5600，最多两位小数', en: 'Write values like 800, 1.5亿 or 5600, with at most two decimals' },
  integer: { zh: '填写不带小数的非负整数', en: 'Write a whole number without decimals' },
  number: { zh: '填写十进制数，如 109.778220', en: 'Write a decimal number such as 109.778220' },
  date: { zh: '日期写成 2021-10-14、2021/10/14 或 2021年10月14日', en: 'Write dates as 2021-10-14, 2021/10/14 or 2021年10月14日' },
  month: { zh: '月份写成 2021-10 或 2021年10月', en: 'Write months as 2021-10 or 2021年10月' },
  text: { zh: '填写文字', en: 'Type some text' },
  url: { zh: '填写以 http:// 或 https:// 开头的完整链接', en: 'Write a full link starting with http:// or https://' },
};

function parseByKind(meta: FieldMeta, text: string): Coerced<unknown> & { rule?: Rule } {
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
      const digits = /^\d+$/.test(text) ? text : normalizeDigits(text);
      const lengths = meta.codeLengths ?? [];
      if (/^\d+$/.test(digits) && lengths.includes(digits.length)) return { ok: true, value: digits };
      const reason = SCIENTIFIC.test(digits)
        ? { zh: '代码被 Excel 变成了科学计数法', en: 'Excel turned the code into scientific notation' }
        : { zh: `代码应为 ${lengths.join('、')} 位数字`, en: `A code must be ${lengths.join(', ')} digits long` };
      return { ok: false, reason };
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

export function coerceCell(field: Field, text: string, header: string): CellOutcome {
  const { meta } = field;
  if (text === '' || text.trim() === '') {
    if (!meta.required) return EMPTY_OPTIONAL;
    return {
      ok: false,
      rule: 'required',
      message: { zh: `“${header}”不能为空`, en: `${header} must not be empty` },
      hint: { zh: `填写${meta.description.zh}`, en: `Fill in: ${meta.description.en}` },
    };
  }
  const outcome = parseByKind(meta, text);
  if (outcome.ok) {
    if (typeof outcome.value === 'number' && !withinRange(meta, outcome.value)) return outOfRange(meta, text);
    return CHECKED_BY_SCHEMA.has(meta.kind) ? checkSchema(field, text, outcome) : outcome;
  }
  const rule: Rule = outcome.rule ?? (meta.kind === 'enum' ? 'allowed-values' : 'type');
  return { ok: false, rule, message: invalid(text, outcome.reason), hint: hintFor(meta) };
}

const invalid = (text: string, reason: Bilingual): Bilingual => ({
  zh: `“${text}”无效：${reason.zh}`,
  en: `“${text}” is not valid: ${reason.en}`,
});

const hintFor = (meta: FieldMeta): Bilingual =>
  meta.kind === 'enum'
    ? { zh: '从允许的值中选一个（见 data/README.md）', en: 'Pick one of the allowed values (see data/README.md)' }
    : HINTS[meta.kind] ?? HINTS.text!;

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

function checkSchema(field: Field, text: string, outcome: CellOutcome & { ok: true }): CellOutcome {
  if (field.schema.safeParse(outcome.value).success) return outcome;
  return { ok: false, rule: 'type', message: invalid(text, { zh: '格式不符合要求', en: 'not in the required form' }), hint: hintFor(field.meta) };
}
