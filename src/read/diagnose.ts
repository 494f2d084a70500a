/**
 * Causes that only show across many problems at once. A region code changed by mistake in
 * edition.csv makes every code of every file "not in the region": thousands of problems whose one
 * cause is a single cell. Named here, the report leads with that cell and the code the rows use.
 */
import { locateColumn, type ColumnPositions, type Problem } from './problem.ts';
import type { Records } from './tables.ts';

/** Fewer region problems than this are taken one by one: a stray code, not a changed region. */
const REGION_CHANGE_AT_LEAST = 3;

/** The problems, with those a changed region code explains marked so, and that cell named first. */
export function diagnoseRegionChange(problems: Problem[], records: Records, positions: ColumnPositions): Problem[] {
  const edition = records.edition[0];
  const outside = problems.filter((p) => p.rule === 'region' && p.value !== undefined);
  if (edition === undefined || outside.length < REGION_CHANGE_AT_LEAST) return problems;
  const regionCode = edition.region_code;
  // The region the rows are in: the prefix, as long as the stated code, that most of them share.
  const counts = new Map<string, number>();
  for (const p of outside) counts.set(p.value!.slice(0, regionCode.length), (counts.get(p.value!.slice(0, regionCode.length)) ?? 0) + 1);
  const [used, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  if (count * 2 < outside.length) return problems;
  const explained = new Set(outside.filter((p) => p.value!.startsWith(used)));
  const cell: Problem = {
    severity: 'error',
    rule: 'region',
    cause: 'region-code-changed',
    file: 'edition.csv',
    row: edition.row,
    ...locateColumn(positions, 'edition.csv', 'region_code'),
    value: regionCode,
    message: {
      zh: `地区代码为 ${regionCode}，但 ${count} 个代码属于 ${used}`,
      en: `The region code is ${regionCode}, but ${count} codes belong to ${used}`,
    },
    hint: {
      zh: `若本数据是 ${used} 的，把地区代码改为 ${used}`,
      en: `If this is ${used}'s data, set the region code to ${used}`,
    },
  };
  return [cell, ...problems.map((p) => (explained.has(p) ? { ...p, cause: 'region-code-changed' as const } : p))];
}
