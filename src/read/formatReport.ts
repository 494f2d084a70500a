/**
 * The validation report as a person reads it in a terminal: a summary per file, then the problems
 * (many of one kind as one group: cause, fix, count, examples; the rest one block each: where, what,
 * how to fix), then the reconciliation, Chinese first and English after. Every line is shown with its
 * control characters made visible, so no cell can rewrite the terminal.
 */
import type { FileSummary, Report } from './loadDataset.ts';
import { locate, locateIn, type Problem, type Severity } from './problem.ts';
import type { Bilingual, Locale } from '../i18n/locale.ts';
import type { Reconciliation } from './reconcile.ts';
import { formatHundredths } from '../format/money.ts';
import { RECONCILE_STATUSES } from '../model/vocabulary.ts';
import { padToColumns } from '../format/layOutTable.ts';
import { showControlCharacters } from '../format/controlCharacters.ts';
import { EXAMPLES, groupProblems, type ProblemGroup } from './groupProblems.ts';

const SEVERITY = {
  error: { zh: '错误', en: 'error', mark: '✗' },
  warning: { zh: '警告', en: 'warning', mark: '!' },
  info: { zh: '提示', en: 'info', mark: 'i' },
} as const;

/** `text` padded to `width` terminal columns, always with at least one space after it. */
const pad = (text: string, width: number): string => `${padToColumns(text, width - 1)} `;

function formatFiles(files: FileSummary[]): string[] {
  const head = [pad('文件 File', 16), pad('编码 Encoding', 16), pad('读取 Read', 11), pad('通过 Accepted', 15), pad('拒绝 Rejected', 15), '空行 Blank'].join(
    '',
  );
  const rows = files.map((f) =>
    [
      pad(f.sheet === undefined ? f.file : `${f.file} ${f.sheet}`, 16),
      pad(f.encoding ?? '—', 16),
      pad(String(f.read), 11),
      pad(String(f.accepted), 15),
      pad(String(f.rejected), 15),
      String(f.blank),
    ].join(''),
  );
  return [head, ...rows];
}

export function formatProblem(problem: Problem): string[] {
  const severity = SEVERITY[problem.severity];
  const where = locate(problem);
  const column = problem.column === undefined ? '' : ` ${problem.column}`;
  const value = problem.value === undefined ? '' : ` = "${problem.value}"`;
  return [
    `${severity.mark} ${severity.zh} ${severity.en}  ${where}${column}${value}  [${problem.rule}]`,
    `    ${problem.message.zh}`,
    `    ${problem.message.en}`,
    `    提示：${problem.hint.zh}`,
    `    Hint: ${problem.hint.en}`,
  ];
}

/** `funds.csv C2 = "1.50627E+11"`: where one example of a group is, and what it holds. */
const example = (problem: Problem): string => `${locate(problem)}${problem.value === undefined ? '' : ` = "${problem.value}"`}`;

export function formatGroup(group: ProblemGroup): string[] {
  const severity = SEVERITY[group.severity];
  const column = group.column === undefined ? '' : ` ${group.columnLetter === undefined ? '' : `${group.columnLetter} 列 column `}${group.column}`;
  const more = group.count - EXAMPLES;
  const first = group.problems[0]!;
  return [
    `${severity.mark} ${severity.zh} ${severity.en}  ${group.files.join(', ')}${column}：${group.count} 处 · ${group.count} alike  [${group.rule}]`,
    `    ${group.cause === undefined ? '' : '原因：'}${group.message.zh}`,
    `    ${group.cause === undefined ? '' : 'Cause: '}${group.message.en}`,
    `    ${group.cause === undefined ? '提示' : '修正'}：${group.hint.zh}`,
    `    ${group.cause === undefined ? 'Hint' : 'Fix'}: ${group.hint.en}`,
    // A cause's words are general; the first problem's own message says it of this data.
    ...(group.cause === undefined ? [] : [`    首例 first: ${first.message.zh}`, `    ${first.message.en}`]),
    `    例如 e.g. ${group.problems.slice(0, EXAMPLES).map(example).join('; ')}`,
    ...(more > 0 ? [`    另有 ${more} 处；全部列表：npm run validate -- --json · and ${more} more; all of them: npm run validate -- --json`] : []),
  ];
}

/** Every problem, safe for a terminal: groups first, then the problems of no group, each block after a blank line. */
export function formatProblems(problems: readonly Problem[]): string[] {
  const { groups, single } = groupProblems(problems);
  return [...groups.flatMap((group) => ['', ...formatGroup(group)]), ...single.flatMap((problem) => ['', ...formatProblem(problem)])].map(
    showControlCharacters,
  );
}

function formatReconciliation(r: Reconciliation): string {
  const status = RECONCILE_STATUSES[r.status];
  return [
    `  ${pad(`${r.label.zh} ${r.label.en}`, 44)}`,
    `报告 reported ${r.qualifier === 'at-least' ? '≥' : ''}${formatHundredths(r.reported)} ${r.unit}`,
    `· 计算 computed ${formatHundredths(r.computed)}`,
    ...(r.difference === undefined || r.difference === 0n ? [] : [`· 相差 difference ${r.difference > 0n ? '+' : ''}${formatHundredths(r.difference)}`]),
    `· ${status.zh} ${status.en}`,
  ].join(' ');
}

/** `与官方报告数字核对：一致 3，不一致 8 …` in one line, for data that does not pass yet. */
function formatReconciliationCounts(reconciliation: readonly Reconciliation[]): string[] {
  const counts = Object.entries(RECONCILE_STATUSES)
    .map(([status, term]) => ({ term, count: reconciliation.filter((r) => r.status === status).length }))
    .filter(({ count }) => count > 0);
  return [
    `与官方报告数字核对（修正错误后再看）：${counts.map(({ term, count }) => `${term.zh} ${count}`).join('，')}`,
    `Reconciliation (see it again once the errors are fixed): ${counts.map(({ term, count }) => `${count} ${term.en}`).join(', ')}`,
  ];
}

export function formatReport(report: Report, edition?: string): string {
  const lines = ['数据校验报告 · Data validation report'];
  if (edition !== undefined) lines.push(`数据版本 Edition: ${edition}`);
  lines.push('', ...formatFiles(report.files), '');
  lines.push(`错误 ${report.errors} 个 · ${report.errors} error(s)；警告 ${report.warnings} 个 · ${report.warnings} warning(s)`);
  lines.push(...formatProblems(report.problems));
  if (report.reconciliation.length > 0 && report.ok) {
    lines.push('', '与官方报告数字核对 · Reconciliation with reported figures');
    lines.push(...report.reconciliation.map(formatReconciliation));
  } else if (report.reconciliation.length > 0) {
    // Added up from the accepted rows only, the figures of data with errors mislead: a count is enough until they are fixed.
    lines.push('', ...formatReconciliationCounts(report.reconciliation));
  }
  lines.push(
    '',
    report.ok
      ? '结果：通过，可以发布。 Result: passed, ready to publish.'
      : '结果：未通过，修正以上错误前不会发布。 Result: failed; nothing is published until the errors above are fixed.',
  );
  return lines.map(showControlCharacters).join('\n');
}

/** The same report for machines: bigints as exact decimal strings, since JSON has no bigint. */
export function reportToJson(report: Report, edition?: string): string {
  // Every problem stays listed; the groups say which of them share a cause, by their place in the list.
  const position = new Map(report.problems.map((problem, index) => [problem, index]));
  const groups = groupProblems(report.problems).groups.map(({ problems, ...group }) => ({ ...group, problems: problems.map((p) => position.get(p)) }));
  return JSON.stringify({ edition, ...report, groups }, (_key, value: unknown) => (typeof value === 'bigint' ? formatHundredths(value) : value), 2);
}

/** One problem as a page shows it in one language: where (as the spreadsheet shows it), what, and how to fix it. */
export type Finding = {
  severity: Severity;
  rule: Problem['rule'];
  /** `funds.csv C17`, `funds.xlsx 工作表 资金 !C17`, `funds.csv 第1行`. */
  where: string;
  column?: string;
  value?: string;
  message: string;
  hint: string;
};

/** Many problems of one cause or kind, as a page shows them: the cause and its fix, a count, and every problem. */
export type FindingGroup = {
  severity: Severity;
  rule: Problem['rule'];
  files: string[];
  column?: string;
  columnLetter?: string;
  /** Whether `message` and `hint` are a named cause and its fix, or the first problem's own words. */
  cause: boolean;
  message: string;
  hint: string;
  count: number;
  findings: Finding[];
};

const inLocale = (text: Bilingual, locale: Locale): string => showControlCharacters(locale === 'en' ? text.en : text.zh);

export function findingOf(problem: Problem, locale: Locale): Finding {
  return {
    severity: problem.severity,
    rule: problem.rule,
    where: showControlCharacters(locateIn(problem, locale)),
    ...(problem.column === undefined ? {} : { column: showControlCharacters(problem.column) }),
    ...(problem.value === undefined ? {} : { value: showControlCharacters(problem.value) }),
    message: inLocale(problem.message, locale),
    hint: inLocale(problem.hint, locale),
  };
}

/**
 * The report's problems for a page in one language, grouped as the terminal's report groups them
 * (groupProblems.ts), each group with every one of its problems; control characters made visible.
 */
export function reportFindings(problems: readonly Problem[], locale: Locale): { groups: FindingGroup[]; single: Finding[] } {
  const { groups, single } = groupProblems(problems);
  return {
    groups: groups.map((group) => ({
      severity: group.severity,
      rule: group.rule,
      files: group.files,
      ...(group.column === undefined ? {} : { column: showControlCharacters(group.column) }),
      ...(group.columnLetter === undefined ? {} : { columnLetter: group.columnLetter }),
      cause: group.cause !== undefined,
      message: inLocale(group.message, locale),
      hint: inLocale(group.hint, locale),
      count: group.count,
      findings: group.problems.map((problem) => findingOf(problem, locale)),
    })),
    single: single.map((problem) => findingOf(problem, locale)),
  };
}
