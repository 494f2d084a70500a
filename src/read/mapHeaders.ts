/**
 * Headers as typed → canonical column keys. Staff type headers in Chinese, with full-width or
 * half-width brackets and stray spaces; each column accepts its canonical key, its Chinese header and
 * a few aliases (see tables.ts), compared after folding:
 *
 * - NFKC (full-width letters, digits and brackets become half-width: （元） is (元)), lower case,
 *   and no whitespace at all;
 * - a header with no unit matches a header that has one (年纯收入 is 年纯收入（元）), since the unit
 *   is the column's own;
 * - a trailing unit in brackets may be dropped (人数（人）, 经度（度）) if what is left names exactly
 *   one column — but never a unit with a scale (万元, 亿元, 千人) or, for money, anything but 元:
 *   金额（万元） over a column read in yuan would silently make every amount 10 000 times too small.
 */
import type { Bilingual } from '../i18n/locale.ts';
import type { FieldMeta, Table } from './field.ts';
import { toColumnLetter, type Problem } from './problem.ts';
import { foldText } from '../format/foldText.ts';

export type HeaderMapping = { keys: (string | undefined)[]; problems: Problem[] };

const TRAILING_UNIT = /^(.+?)\(([^()]*)\)$/u;
const SCALE = /[十百千万亿]/u;
const YUAN = new Set(['元', 'yuan']);

const splitUnit = (folded: string): { base: string; unit?: string } => {
  const match = TRAILING_UNIT.exec(folded);
  return match ? { base: match[1]!, unit: match[2]! } : { base: folded };
};

const unique = (items: readonly string[]): string[] => [...new Set(items)];

/**
 * The part of a table that headers are matched against. Taking only this (rather than `Table`) lets
 * every concrete table be passed: `Table<C>` is not assignable to `Table` because its zod schema is not.
 */
export type HeaderSource = Pick<Table, 'file' | 'columns'>;

/** For each column, every header it accepts: the Chinese header first, then the key, then aliases. */
export function acceptedHeaders(table: HeaderSource): { key: string; headers: string[] }[] {
  return Object.entries(table.columns).map(([key, field]) => ({
    key,
    headers: unique([field.meta.header, key, ...field.meta.aliases]),
  }));
}

type Match = { kind: 'column'; key: string } | { kind: 'unknown' } | { kind: 'wrong-unit'; key: string; unit: string };

function indexHeaders(table: HeaderSource): (header: string) => Match {
  const exact = new Map<string, Set<string>>();
  const byBase = new Map<string, Set<string>>();
  const add = (index: Map<string, Set<string>>, name: string, key: string) => index.set(name, (index.get(name) ?? new Set()).add(key));
  for (const { key, headers } of acceptedHeaders(table)) {
    for (const header of headers) {
      const folded = foldText(header);
      add(exact, folded, key);
      add(byBase, splitUnit(folded).base, key);
    }
  }
  const only = (keys: Set<string> | undefined): string | undefined => (keys?.size === 1 ? [...keys][0] : undefined);

  return (header) => {
    const folded = foldText(header);
    if (folded === '') return { kind: 'unknown' };
    const exactKey = only(exact.get(folded));
    if (exactKey !== undefined) return { kind: 'column', key: exactKey };
    const { base, unit } = splitUnit(folded);
    const key = only(byBase.get(base));
    if (key === undefined) return { kind: 'unknown' };
    if (unit === undefined) return { kind: 'column', key };
    const kind = table.columns[key]?.meta.kind;
    if (SCALE.test(unit) || (kind === 'money' && !YUAN.has(unit))) return { kind: 'wrong-unit', key, unit };
    return { kind: 'column', key };
  };
}

const quoted = (header: string): string => `“${header}”`;

function problemAt(file: string, index: number, header: string, rule: Problem['rule'], message: Bilingual, hint: Bilingual): Problem {
  return {
    severity: 'error',
    rule,
    file,
    row: 1,
    ...(header === '' ? {} : { column: header }),
    columnLetter: toColumnLetter(index),
    message,
    hint,
  };
}

function onceOnlyHint(letter: string, earlierLetter: string): Bilingual {
  return {
    zh: `每列只能出现一次：删除 ${letter} 列，或把它的数据并入 ${earlierLetter} 列`,
    en: `Each column may appear only once: delete column ${letter} or merge its data into column ${earlierLetter}`,
  };
}

function wrongUnitHint(meta: FieldMeta): Bilingual {
  if (meta.kind === 'money') {
    return {
      zh: `把表头改为${quoted(meta.header)}，金额按元填写；可以写成 80万、1.5亿`,
      en: `Rename the header to ${meta.header} and give amounts in yuan; 80万 and 1.5亿 are accepted`,
    };
  }
  return {
    zh: `把表头改为${quoted(meta.header)}，并按该列的单位填写数值`,
    en: `Rename the header to ${meta.header} and give values in that column's unit`,
  };
}

/**
 * Maps each header position to its canonical column key (undefined for a column that is rejected)
 * and reports unknown, duplicate and missing columns. Header problems are in row 1.
 */
export function mapHeaders(header: string[], table: HeaderSource, file: string = table.file): HeaderMapping {
  const match = indexHeaders(table);
  const matches = header.map(match);
  const found = new Set(matches.flatMap((m) => (m.kind === 'column' ? [m.key] : [])));
  const absent = Object.entries(table.columns).filter(([key]) => !found.has(key));
  const unknownHint: Bilingual =
    absent.length === 0
      ? {
          zh: `${file} 的所有列都已齐全：删除这一列，或把内容移到“备注”等已有的列`,
          en: `${file} already has all its columns: delete this column or move its content to an existing one`,
        }
      : {
          zh: `本表还可以有这些列：${absent.map(([, f]) => quoted(f.meta.header)).join('、')}（全部表头见 data/README.md）`,
          en: `Columns this file may still have: ${absent.map(([key, f]) => `${f.meta.header} (${key})`).join(', ')} (all headers are listed in data/README.md)`,
        };

  const keys: (string | undefined)[] = [];
  const problems: Problem[] = [];
  const firstOfKey = new Map<string, number>();
  const firstOfHeader = new Map<string, number>();

  matches.forEach((m, index) => {
    const typed = header[index] ?? '';
    const letter = toColumnLetter(index);
    const flag = (rule: Problem['rule'], message: Bilingual, hint: Bilingual): void => {
      problems.push(problemAt(file, index, typed, rule, message, hint));
    };
    // Two columns that name the same one: the error is on the later, and the hint names both.
    const repeated = (earlierLetter: string, message: Bilingual): void => flag('duplicate-header', message, onceOnlyHint(letter, earlierLetter));
    keys.push(undefined);
    if (m.kind === 'column') {
      const earlier = firstOfKey.get(m.key);
      if (earlier === undefined) {
        firstOfKey.set(m.key, index);
        keys[index] = m.key;
        return;
      }
      const meta = table.columns[m.key]!.meta;
      const earlierHeader = header[earlier] ?? '';
      const earlierLetter = toColumnLetter(earlier);
      repeated(earlierLetter, {
        zh: `${letter} 列的表头${quoted(typed)}与 ${earlierLetter} 列的${quoted(earlierHeader)}是同一列${quoted(meta.header)}`,
        en: `The header “${typed}” in column ${letter} names the same column as “${earlierHeader}” in column ${earlierLetter}: ${meta.header} (${m.key})`,
      });
      return;
    }

    const folded = foldText(typed);
    const sameHeader = folded === '' ? undefined : firstOfHeader.get(folded);
    if (folded !== '' && sameHeader === undefined) firstOfHeader.set(folded, index);
    if (sameHeader !== undefined) {
      const earlierLetter = toColumnLetter(sameHeader);
      repeated(earlierLetter, {
        zh: `${letter} 列的表头${quoted(typed)}与 ${earlierLetter} 列重复`,
        en: `The header “${typed}” in column ${letter} repeats column ${earlierLetter}`,
      });
      return;
    }

    if (m.kind === 'wrong-unit') {
      const meta = table.columns[m.key]!.meta;
      flag(
        'unknown-column',
        {
          zh: `${letter} 列的表头${quoted(typed)}单位是“${m.unit}”，与${quoted(meta.header)}一列不符`,
          en: `The header “${typed}” in column ${letter} has the unit “${m.unit}”, which does not fit the column ${meta.header} (${m.key})`,
        },
        wrongUnitHint(meta),
      );
      return;
    }

    flag(
      'unknown-column',
      folded === ''
        ? {
            zh: `${letter} 列有内容，但没有表头`,
            en: `Column ${letter} has content but no header`,
          }
        : {
            zh: `${letter} 列的表头${quoted(typed)}不是 ${file} 的列`,
            en: `The header “${typed}” in column ${letter} is not a column of ${file}`,
          },
      unknownHint,
    );
  });

  for (const [key, field] of absent) {
    if (!field.meta.required) continue;
    const { header: chinese, description } = field.meta;
    problems.push({
      severity: 'error',
      rule: 'missing-column',
      file,
      row: 1,
      column: `${chinese} (${key})`,
      message: {
        zh: `缺少必填的列${quoted(chinese)}（${key}）`,
        en: `The required column ${chinese} (${key}) is missing`,
      },
      hint: {
        zh: `在第 1 行加上表头${quoted(chinese)}，并在该列填写${description.zh}`,
        en: `Add the header ${chinese} (or ${key}) to row 1 and fill in: ${description.en}`,
      },
    });
  }
  return { keys, problems };
}
