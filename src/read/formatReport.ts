/**
 * The validation report as a person reads it in a terminal: a summary per file, then one block per
 * problem (where, what, how to fix), then the reconciliation, Chinese first and English after.
 */
import type { FileSummary, Report } from './loadDataset.ts';
import { locate, type Problem } from './problem.ts';
import type { Reconciliation } from './reconcile.ts';
import { formatHundredths } from '../format/money.ts';
import { RECONCILE_STATUSES } from '../model/vocabulary.ts';
import { padToColumns } from '../format/layOutTable.ts';

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
    [pad(f.file, 16), pad(f.encoding ?? '—', 16), pad(String(f.read), 11), pad(String(f.accepted), 15), pad(String(f.rejected), 15), String(f.blank)].join(''),
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

export function formatReport(report: Report, edition?: string): string {
  const lines = ['数据校验报告 · Data validation report'];
  if (edition !== undefined) lines.push(`数据版本 Edition: ${edition}`);
  lines.push('', ...formatFiles(report.files), '');
  lines.push(`错误 ${report.errors} 个 · ${report.errors} error(s)；警告 ${report.warnings} 个 · ${report.warnings} warning(s)`);
  for (const problem of report.problems) lines.push('', ...formatProblem(problem));
  if (report.reconciliation.length > 0) {
    lines.push('', '与官方报告数字核对 · Reconciliation with reported figures');
    lines.push(...report.reconciliation.map(formatReconciliation));
  }
  lines.push(
    '',
    report.ok
      ? '结果：通过，可以发布。 Result: passed, ready to publish.'
      : '结果：未通过，修正以上错误前不会发布。 Result: failed; nothing is published until the errors above are fixed.',
  );
  return lines.join('\n');
}

/** The same report for machines: bigints as exact decimal strings, since JSON has no bigint. */
export function reportToJson(report: Report, edition?: string): string {
  return JSON.stringify({ edition, ...report }, (_key, value: unknown) => (typeof value === 'bigint' ? formatHundredths(value) : value), 2);
}
