/**
 * The data dictionary staff read (data/README.md), written from the same tables the validator uses:
 * every file, every column, the headers accepted for it, and the allowed values.
 */
import type { AnyTable, FieldKind } from '../read/field.ts';
import { acceptedHeaders } from '../read/mapHeaders.ts';
import { TABLES } from '../read/tables.ts';
import type { Vocabulary } from '../model/vocabulary.ts';
import { pick, type Bilingual, type Locale } from '../i18n/locale.ts';

const KINDS: Record<FieldKind, Bilingual> = {
  code: { zh: '区划代码', en: 'code' },
  id: { zh: '编号', en: 'id' },
  text: { zh: '文字', en: 'text' },
  url: { zh: '链接', en: 'URL' },
  money: { zh: '金额（元）', en: 'money (yuan)' },
  decimal: { zh: '数值', en: 'decimal' },
  integer: { zh: '整数', en: 'integer' },
  number: { zh: '小数', en: 'number' },
  date: { zh: '日期', en: 'date' },
  month: { zh: '月份', en: 'month' },
  enum: { zh: '限定值', en: 'one of' },
};

// Both languages in one cell, as the dictionary and the templates show them: `区划代码 code`, `金额（元）money (yuan)`.
const bothKinds = (kind: FieldKind): string => `${KINDS[kind].zh}${KINDS[kind].zh.endsWith('）') ? '' : ' '}${KINDS[kind].en}`;

// A pipe inside a cell would end the Markdown table cell.
const cell = (text: string): string => text.replace(/\|/g, '\\|');

function describeValues(vocabulary: Vocabulary): string {
  return Object.values(vocabulary)
    .map((term) => `${term.zh} (${term.en})`)
    .join('；');
}

/**
 * A column's type in one language, with the allowed values of a closed list: `限定值：运营、在建…`;
 * in English the values as the drop-down lists write them, glossed: `one of: 运营 (operating), …`.
 */
function typeIn(kind: FieldKind, vocabulary: Vocabulary | undefined, locale: Locale): string {
  if (vocabulary === undefined) return pick(KINDS[kind], locale);
  const terms = Object.values(vocabulary);
  return locale === 'en'
    ? `${KINDS.enum.en}: ${terms.map((term) => `${term.zh} (${term.en})`).join(', ')}`
    : `${KINDS.enum.zh}：${terms.map((term) => term.zh).join('、')}`;
}

/** What the dictionary says of one column: the Markdown table's row, and the templates' help and cell comments. */
export type ColumnHelp = {
  key: string;
  header: string;
  /** Other headers accepted for it, besides the key and the Chinese header. */
  others: string[];
  /** Its type in both languages, with the allowed values of a closed list. */
  type: string;
  /** The same in each language alone, for the staff guide of that language. */
  typeIn: Bilingual;
  required: boolean;
  description: Bilingual;
  example?: string;
};

export function columnHelp(table: AnyTable): ColumnHelp[] {
  const headers = new Map(acceptedHeaders(table).map((entry) => [entry.key, entry.headers]));
  return Object.entries(table.columns).map(([key, { meta }]) => ({
    key,
    header: meta.header,
    others: (headers.get(key) ?? []).filter((header) => header !== key && header !== meta.header),
    type: meta.vocabulary === undefined ? bothKinds(meta.kind) : `${bothKinds('enum')}: ${describeValues(meta.vocabulary)}`,
    typeIn: { zh: typeIn(meta.kind, meta.vocabulary, 'zh-CN'), en: typeIn(meta.kind, meta.vocabulary, 'en') },
    required: meta.required,
    description: meta.description,
    ...(meta.example === undefined ? {} : { example: meta.example }),
  }));
}

/**
 * The rules across files a table's rows must keep, one line each in both languages; `code` marks a
 * file or column name (Markdown's backticks in the dictionary, nothing in a spreadsheet's help).
 */
export function describeReferences(table: AnyTable, code: (name: string) => string = (name) => name, { apart = false } = {}): Bilingual[] {
  const lines: Bilingual[] = table.references.map((reference) => {
    // Both languages share one line in the dictionary (`a 或 or b`); the staff guide has each its own.
    const target = (or: string) => (reference.also === undefined ? code(reference.file) : `${code(reference.file)} ${or} ${code(reference.also.file)}`);
    const [zh, en] = apart ? [target('或'), target('or')] : [target('或 or'), target('或 or')];
    const column = code(reference.columns);
    return reference.match === 'parent'
      ? { zh: `${column} 的上级区划必须在 ${zh} 中`, en: `the parent division of ${column} must be in ${en}` }
      : { zh: `${column} 必须在 ${zh} 中存在`, en: `${column} must exist in ${en}` };
  });
  return [...lines, ...(table.checks ?? [])];
}

export function describeTable(table: AnyTable): string {
  const lines = [
    `### \`${table.file}\` ${table.title.zh} · ${table.title.en}`,
    '',
    `${table.description.zh}。${table.description.en}.`,
    '',
    `主键 Primary key: ${table.primaryKey.map((key) => `\`${key}\``).join(' + ')}`,
    '',
    '| 列 column | 表头 header | 也可写作 also accepted | 类型 type | 必填 required | 说明 | description |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const help of columnHelp(table)) {
    const example = help.example === undefined ? '' : `（例 e.g. \`${help.example}\`）`;
    lines.push(
      `| \`${help.key}\` | ${cell(help.header)} | ${cell(help.others.join('、'))} | ${cell(help.type)} | ${help.required ? '是 yes' : '否 no'} | ${cell(help.description.zh)}${example} | ${cell(help.description.en)} |`,
    );
  }
  for (const line of describeReferences(table, (name) => `\`${name}\``)) lines.push('', `- ${line.zh} · ${line.en}.`);
  return lines.join('\n');
}

export function describeColumns(): string {
  return (TABLES as readonly AnyTable[]).map(describeTable).join('\n\n');
}

export const GENERATED_START = '<!-- 以下由 npm run data:describe 生成，请勿手改 · generated by npm run data:describe: do not edit by hand -->';
export const GENERATED_END = '<!-- 生成部分结束 · end of generated part -->';

/** The two comments around a generated part of a hand-written Markdown file. */
export type GeneratedMarkers = { start: string; end: string; file: string };

const DICTIONARY_MARKERS: GeneratedMarkers = { start: GENERATED_START, end: GENERATED_END, file: 'data/README.md' };

/** The README with its generated part replaced, so the prose around it stays hand-written. */
export function spliceGenerated(readme: string, generated: string, markers: GeneratedMarkers = DICTIONARY_MARKERS): string {
  const start = readme.indexOf(markers.start);
  const end = readme.indexOf(markers.end, start < 0 ? 0 : start);
  if (start < 0 || end < start) throw new Error(`${markers.file} lacks the markers ${markers.start} … ${markers.end}`);
  return `${readme.slice(0, start + markers.start.length)}\n\n${generated}\n\n${readme.slice(end)}`;
}
