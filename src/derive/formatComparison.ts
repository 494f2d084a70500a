/**
 * A comparison of two editions as a person reads it in a terminal: a summary line first, then each
 * file's added, removed and changed rows (a few of each; --json lists all), then every figure that
 * moves, Chinese first and English after.
 */
import type { Comparison, FigureMove, FileComparison } from './compareEditions.ts';
import type { Bilingual } from '../i18n/locale.ts';
import { formatHundredths } from '../format/money.ts';
import { RECONCILE_STATUSES } from '../model/vocabulary.ts';
import { showControlCharacters } from '../format/controlCharacters.ts';

/** Rows of each kind shown per file; the JSON lists every one. */
export const SHOWN_ROWS = 10;

const counted = (f: FileComparison): number => f.added.length + f.removed.length + f.changed.length;

export function summarizeComparison(comparison: Comparison): Bilingual {
  const files = comparison.files.filter((f) => counted(f) > 0);
  if (files.length === 0 && comparison.figures.length === 0) return { zh: '没有变化', en: 'No changes' };
  return {
    zh: `${files.map((f) => `${f.file} 新增 ${f.added.length} 行、删除 ${f.removed.length} 行、修改 ${f.changed.length} 行`).join('；') || '数据行没有变化'}；变动的数字 ${comparison.figures.length} 个`,
    en: `${files.map((f) => `${f.file}: ${f.added.length} added, ${f.removed.length} removed, ${f.changed.length} changed`).join('; ') || 'no row changed'}; ${comparison.figures.length} figure(s) moved`,
  };
}

const more = (count: number): string[] => (count > SHOWN_ROWS ? [`    … 另有 ${count - SHOWN_ROWS} 行 · and ${count - SHOWN_ROWS} more`] : []);

function formatFile(f: FileComparison): string[] {
  if (counted(f) === 0) return [];
  return [
    '',
    `${f.file}`,
    ...f.added.slice(0, SHOWN_ROWS).map((key) => `  + 新增 added    ${key}`),
    ...more(f.added.length),
    ...f.removed.slice(0, SHOWN_ROWS).map((key) => `  - 删除 removed  ${key}`),
    ...more(f.removed.length),
    ...f.changed
      .slice(0, SHOWN_ROWS)
      .map(
        (change) =>
          `  ~ 修改 changed  ${change.key}: ${change.changes.map((c) => `${c.column} ${c.before || '（空 empty）'} → ${c.after || '（空 empty）'}`).join('; ')}`,
      ),
    ...more(f.changed.length),
  ];
}

const value = (hundredths: bigint | undefined): string => (hundredths === undefined ? '—' : formatHundredths(hundredths));
const status = (s: FigureMove['statusBefore']): string => (s === undefined ? '—' : `${RECONCILE_STATUSES[s].zh} ${RECONCILE_STATUSES[s].en}`);

export function formatFigureMove(move: FigureMove): string {
  const difference = move.difference === undefined || move.difference === 0n ? '' : ` (${move.difference > 0n ? '+' : ''}${formatHundredths(move.difference)})`;
  return `  ${move.label.zh} ${move.label.en}: ${value(move.before)} → ${value(move.after)} ${move.unit}${difference} · ${status(move.statusBefore)} → ${status(move.statusAfter)}`;
}

export function formatComparison(comparison: Comparison, from: string, to: string): string {
  const summary = summarizeComparison(comparison);
  const lines = [`${from} → ${to}`, `${summary.zh}`, `${summary.en}`, ...comparison.files.flatMap(formatFile)];
  if (comparison.figures.length > 0) lines.push('', '变动的数字 · Figures that move', ...comparison.figures.map(formatFigureMove));
  return lines.map(showControlCharacters).join('\n');
}

/** The same comparison for machines: every row, bigints as exact decimals. */
export function comparisonToJson(comparison: Comparison, from: string, to: string): string {
  return JSON.stringify(
    { from, to, summary: summarizeComparison(comparison), ...comparison },
    (_key, v: unknown) => (typeof v === 'bigint' ? formatHundredths(v) : v),
    2,
  );
}
