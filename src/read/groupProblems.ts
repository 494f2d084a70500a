/**
 * Many problems, one cause: a column of codes that Excel turned into 1.50627E+11 gives one problem
 * per row, and a report of 893 alike lines buries what to do. Problems of one named cause, across
 * files, form one group; so do more than a few problems of the same kind (severity, file, rule and
 * column). The report then leads with the cause, its fix and a count, then a few examples. The JSON
 * report keeps every problem besides.
 */
import { CAUSES, type Cause, type Problem, type Severity } from './problem.ts';
import type { Bilingual } from '../i18n/locale.ts';

/** More problems of one kind than this are shown as a group; a named cause is always shown as one. */
export const GROUP_ABOVE = 3;
/** Examples shown of a group. */
export const EXAMPLES = 3;

export type ProblemGroup = {
  severity: Severity;
  rule: Problem['rule'];
  /** The files its problems are in, in the order met. */
  files: string[];
  /** The column, when all its problems are in one. */
  column?: string;
  columnLetter?: string;
  cause?: Cause;
  /** What went wrong and how to fix it: the cause's, or the first problem's when no cause is known. */
  message: Bilingual;
  hint: Bilingual;
  count: number;
  problems: Problem[];
};

export type GroupedProblems = { groups: ProblemGroup[]; single: Problem[] };

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

const kindOf = (p: Problem): string =>
  p.cause === undefined ? [p.severity, p.file, p.rule, p.columnLetter ?? p.column ?? ''].join('\u0000') : [p.severity, p.cause].join('\u0000');

/**
 * The problems in groups (largest first within each severity) and the rest one by one, in the
 * order given. Every problem is in exactly one of the two.
 */
export function groupProblems(problems: readonly Problem[]): GroupedProblems {
  const byKind = new Map<string, Problem[]>();
  for (const problem of problems) {
    const kind = kindOf(problem);
    const alike = byKind.get(kind);
    if (alike === undefined) byKind.set(kind, [problem]);
    else alike.push(problem);
  }
  const groups: ProblemGroup[] = [];
  const grouped = new Set<Problem>();
  for (const alike of byKind.values()) {
    const first = alike[0]!;
    if (alike.length <= GROUP_ABOVE && first.cause === undefined) continue;
    const cause = first.cause === undefined ? undefined : CAUSES[first.cause];
    const files = [...new Set(alike.map((p) => p.file))];
    const oneColumn = files.length === 1 && alike.every((p) => p.column === first.column);
    groups.push({
      severity: first.severity,
      rule: first.rule,
      files,
      ...(first.column === undefined || !oneColumn ? {} : { column: first.column }),
      ...(first.columnLetter === undefined || !oneColumn ? {} : { columnLetter: first.columnLetter }),
      ...(first.cause === undefined ? {} : { cause: first.cause }),
      message: cause?.message ?? first.message,
      hint: cause?.fix ?? first.hint,
      count: alike.length,
      problems: alike,
    });
    for (const problem of alike) grouped.add(problem);
  }
  // Causes first, then other groups, then what only follows from the rest; the largest first in each.
  const rank = (g: ProblemGroup): number => (g.cause === undefined ? 1 : 'consequence' in CAUSES[g.cause] ? 2 : 0);
  groups.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || rank(a) - rank(b) || b.count - a.count);
  return { groups, single: problems.filter((problem) => !grouped.has(problem)) };
}
