/**
 * The generated parts of the staff guide (docs/staff-guide.md, docs/staff-guide.en.md), one language
 * each: every data file and column, from the same tables as the data dictionary, and every rule the
 * validator can break, shown with the very problem its broken fixture gets from the validator — the
 * message, place and hint as staff see them in the report and on the checker page.
 */
import type { AnyTable } from '../read/field.ts';
import { TABLES } from '../read/tables.ts';
import { RULES, type Problem, type Rule } from '../read/problem.ts';
import { findingOf } from '../read/formatReport.ts';
import { pick, type Bilingual, type Locale } from '../i18n/locale.ts';
import { columnHelp, describeReferences, spliceGenerated, type GeneratedMarkers } from './describeColumns.ts';

/** What a rule is about, in a few words: the heading of its entry in the guide. */
export const RULE_TITLES: Record<Rule, Bilingual> = {
  'missing-file': { zh: '缺少数据文件', en: 'A data file is missing' },
  'unknown-file': { zh: '不认识的文件', en: 'A file the tool does not know' },
  'empty-file': { zh: '文件是空的', en: 'An empty file' },
  encoding: { zh: '文件编码不对', en: 'The file’s encoding' },
  'broken-quoting': { zh: '引号没有配对', en: 'Unbalanced quotes' },
  'row-width': { zh: '一行的格数不对', en: 'A row with too many or too few cells' },
  'duplicate-header': { zh: '表头重复', en: 'A header used twice' },
  'unknown-column': { zh: '不认识的列', en: 'A column the tool does not know' },
  'missing-column': { zh: '缺少一列', en: 'A column is missing' },
  required: { zh: '必填的格子是空的', en: 'A required cell is empty' },
  type: { zh: '写法不对（数字、金额、日期、代码）', en: 'Not a number, amount, date or code as expected' },
  'allowed-values': { zh: '不在允许的值之中', en: 'Not one of the allowed values' },
  range: { zh: '数值超出范围', en: 'A value out of range' },
  unique: { zh: '编号或代码重复', en: 'A repeated id or code' },
  'one-row': { zh: '只能有一行', en: 'Exactly one row' },
  'foreign-key': { zh: '引用的行不存在', en: 'A reference to a row that is not there' },
  'future-date': { zh: '日期晚于数据截止日期', en: 'A date after the as-of date' },
  region: { zh: '代码不属于本地区', en: 'A code outside the region' },
  location: { zh: '位置与位置精度不符', en: 'A location that does not match its precision' },
  reconcile: { zh: '与官方报告数字不符', en: 'A total that differs from the reported figure' },
  'reported-scope': { zh: '报告数字的范围写错', en: 'A reported figure’s scope' },
  'file-system': { zh: '数据文件夹里的文件夹或失效链接', en: 'A folder or broken link in the data folder' },
  'spreadsheet-file': { zh: '读不了的表格文件', en: 'A spreadsheet the tool cannot read' },
  'title-row': { zh: '表头上面有标题行', en: 'A title above the header' },
  'totals-row': { zh: '合计行', en: 'A totals row' },
  'outside-outline': { zh: '位置在地区边界之外', en: 'A point outside the region' },
  'after-today': { zh: '截止日期晚于今天', en: 'An as-of date after today' },
  'implausible-amount': { zh: '金额大得不合常理', en: 'An amount out of all proportion' },
  'control-character': { zh: '看不见的控制字符', en: 'Invisible control characters' },
  'url-scheme': { zh: '链接不是 http(s)', en: 'A link that is not http(s)' },
  'programme-years': { zh: '年份早于 1949 年', en: 'A year before 1949' },
  'no-rows': { zh: '只有表头没有数据', en: 'A header and no rows' },
  'example-row': { zh: '模板的示例行', en: 'A template’s example row' },
  'site-config': { zh: '网站设置 region.json 有误', en: 'A wrong setting in region.json' },
};

/** The problems a rule's broken fixture gets from the validator (those of that rule only). */
export type RuleExample = { rule: Rule; fixture: string; problems: readonly Problem[] };

const WORDS = {
  severity: {
    error: { zh: '错误（不能发布）', en: 'error (nothing is published)' },
    warning: { zh: '警告（仍可发布）', en: 'warning (publishing goes on)' },
    info: { zh: '提示', en: 'note' },
  },
  where: { zh: '位置：', en: 'Where: ' },
  value: { zh: '填写的值：', en: 'Value: ' },
  empty: { zh: '（空）', en: '(empty)' },
  message: { zh: '报告说：', en: 'The report says: ' },
  hint: { zh: '怎么改：', en: 'How to fix it: ' },
  fixture: { zh: '例子来自', en: 'Example from' },
  noExample: {
    zh: '没有可以展示的例子：这条规则的测试样例没有得到这条规则的问题',
    en: 'No example to show: the rule’s test fixture did not get a problem of this rule',
  },
  columns: {
    head: { zh: '| 列 | 表头 | 也可写作 | 类型 | 必填 | 说明 |', en: '| Column | Header | Also accepted | Type | Required | What it is |' },
    required: { zh: '是', en: 'yes' },
    optional: { zh: '否', en: 'no' },
    key: { zh: '主键（每行不能重复）', en: 'Primary key (unique on every row)' },
  },
} as const;

/** Markdown inline code that holds any text, backticks and pipes included (a table cell ends at a pipe). */
function code(text: string): string {
  const fence = /`/.test(text) ? '``' : '`';
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded.replace(/\|/g, '\\|')}${fence}`;
}

/** Text of a message in Markdown: nothing in it may start a tag, emphasis or table cell. */
const prose = (text: string): string => text.replace(/[*<>|]/g, (character) => `\\${character}`);

/** One data file: its purpose, key, every column with its type and unit, and the rules across files, in one language. */
export function describeTableIn(table: AnyTable, locale: Locale): string {
  const w = WORDS.columns;
  const lines = [
    `### ${code(table.file)} ${pick(table.title, locale)}`,
    '',
    `${prose(pick(table.description, locale))}${locale === 'en' ? '.' : '。'}`,
    '',
    `${pick(w.key, locale)}${locale === 'en' ? ': ' : '：'}${table.primaryKey.map(code).join(' + ')}`,
    '',
    pick(w.head, locale),
    '|---|---|---|---|---|---|',
  ];
  for (const help of columnHelp(table)) {
    const example = help.example === undefined ? '' : locale === 'en' ? ` (e.g. ${code(help.example)})` : `（例 ${code(help.example)}）`;
    const others = help.others.map(code).join(locale === 'en' ? ', ' : '、');
    lines.push(
      `| ${code(help.key)} | ${prose(help.header)} | ${others} | ${prose(pick(help.typeIn, locale))} | ${pick(help.required ? w.required : w.optional, locale)} | ${prose(pick(help.description, locale))}${example} |`,
    );
  }
  const references = describeReferences(table, code, { apart: true });
  if (references.length > 0) lines.push('', ...references.map((line) => `- ${pick(line, locale)}`));
  return lines.join('\n');
}

export function describeFilesIn(locale: Locale): string {
  return (TABLES as readonly AnyTable[]).map((table) => describeTableIn(table, locale)).join('\n\n');
}

/** Problems alike in all but their place are shown once: a fixture may break the same rule on several rows. */
const SHOWN_PER_RULE = 3;

/** One rule: its name and title, then each distinct problem its fixture gets, as staff see it in this language. */
export function describeRuleIn(example: RuleExample, locale: Locale): string {
  const lines = [`### ${code(example.rule)} ${pick(RULE_TITLES[example.rule], locale)}`, ''];
  const seen = new Set<string>();
  const shown = example.problems.filter((problem) => {
    const key = pick(problem.message, locale);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (shown.length === 0) lines.push(`${pick(WORDS.noExample, locale)}.`, '');
  for (const problem of shown.slice(0, SHOWN_PER_RULE)) {
    const finding = findingOf(problem, locale);
    const column = finding.column === undefined ? '' : ` · ${code(finding.column)}`;
    lines.push(
      `- **${pick(WORDS.severity[finding.severity], locale)}** — ${pick(WORDS.where, locale)}${code(finding.where)}${column}`,
      ...(finding.value === undefined ? [] : [`  - ${pick(WORDS.value, locale)}${finding.value === '' ? pick(WORDS.empty, locale) : code(finding.value)}`]),
      `  - ${pick(WORDS.message, locale)}${prose(finding.message)}`,
      `  - ${pick(WORDS.hint, locale)}${prose(finding.hint)}`,
      '',
    );
  }
  lines.push(`${pick(WORDS.fixture, locale)} ${code(example.fixture)}`);
  return lines.join('\n');
}

/** Every rule in the validator's own order; a rule with no example still has its entry (and the test of the guide fails). */
export function describeRulesIn(examples: readonly RuleExample[], locale: Locale): string {
  const byRule = new Map(examples.map((example) => [example.rule, example]));
  return RULES.map((rule) => describeRuleIn(byRule.get(rule) ?? { rule, fixture: `tests/fixtures/broken/${rule}/`, problems: [] }, locale)).join('\n\n');
}

/** The guide in each language and the markers of its two generated parts. */
export const STAFF_GUIDES: readonly { locale: Locale; file: string }[] = [
  { locale: 'zh-CN', file: 'docs/staff-guide.md' },
  { locale: 'en', file: 'docs/staff-guide.en.md' },
];

const END = '<!-- 生成部分结束 · end of generated part -->';

export const GUIDE_PARTS = {
  files: (file: string): GeneratedMarkers => ({
    start: '<!-- 文件与列：由 npm run docs:guide 生成，请勿手改 · files and columns: generated by npm run docs:guide, do not edit by hand -->',
    end: END,
    file,
  }),
  rules: (file: string): GeneratedMarkers => ({
    start: '<!-- 错误信息：由 npm run docs:guide 生成，请勿手改 · error messages: generated by npm run docs:guide, do not edit by hand -->',
    end: END,
    file,
  }),
};

/** A guide with both of its generated parts written afresh; the prose around them stays as written. */
export function spliceStaffGuide(guide: string, file: string, locale: Locale, examples: readonly RuleExample[]): string {
  const withFiles = spliceGenerated(guide, describeFilesIn(locale), GUIDE_PARTS.files(file));
  return spliceGenerated(withFiles, describeRulesIn(examples, locale), GUIDE_PARTS.rules(file));
}
