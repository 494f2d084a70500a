/**
 * Every officially reported figure beside the same figure computed from the rows, so a reader sees
 * at once whether the data adds up to what was announced. A difference is shown, never hidden.
 */
import type { Bilingual } from '../i18n/locale.ts';
import { locateColumn, type ColumnPositions, type Problem } from './problem.ts';
import type { Records, Sourced, Talent } from './tables.ts';
import { sumExactly } from './sumExactly.ts';
import { formatHundredths } from '../format/money.ts';
import { isWithin } from '../model/divisionCode.ts';
import { judgeFigure, TALENT_KINDS, type Qualifier, type ReconcileStatus, type TalentKind } from '../model/vocabulary.ts';

/** The rows a computed figure was added up from: the journalist's trail back to the data. */
export type SourceRows = { file: string; rows: number[] };

export type Reconciliation = {
  key: string;
  scopeCode: string;
  label: Bilingual;
  unit: string;
  qualifier: Qualifier;
  /** Values in hundredths (fen for money, count × 100 for counts), exact. */
  reported: bigint;
  computed: bigint | undefined;
  difference: bigint | undefined;
  status: ReconcileStatus;
  sources: SourceRows[];
  /** The reported.csv row, for citing the source. */
  reportedRow: number;
};

type Computed = { value: bigint; sources: SourceRows[] };

/** What the computations read: the records, and the latest talent counts, worked out once when first asked for. */
type Data = { records: Records; latestTalent: () => Sourced<Talent>[] };
type Computation = (data: Data, scope: string) => Computed;

const HUNDRED = 100n;

/**
 * The rows of a whole file that lie in scope and have a value, with those values: one walk, and no
 * list of a large file's rows in between. Their row numbers are the figure's trail to its sources.
 */
function gather<T extends { row: number }, V>(
  rows: T[],
  place: (row: T) => string,
  scope: string,
  valueOf: (row: T) => V | undefined,
): { used: number[]; values: V[] } {
  const used: number[] = [];
  const values: V[] = [];
  for (const row of rows) {
    if (!isWithin(place(row), scope)) continue;
    const value = valueOf(row);
    if (value === undefined) continue;
    used.push(row.row);
    values.push(value);
  }
  return { used, values };
}

function count<T extends { row: number }>(file: string, rows: T[], place: (row: T) => string, scope: string): Computed {
  const { used } = gather(rows, place, scope, () => true);
  return { value: BigInt(used.length) * HUNDRED, sources: [{ file, rows: used }] };
}

function distinct<T extends { row: number }>(
  file: string,
  rows: T[],
  place: (row: T) => string,
  scope: string,
  name: (row: T) => string | undefined,
): Computed {
  const { used, values } = gather(rows, place, scope, name);
  return { value: BigInt(new Set(values).size) * HUNDRED, sources: [{ file, rows: used }] };
}

function sum<T extends { row: number }>(file: string, rows: T[], place: (row: T) => string, scope: string, amount: (row: T) => bigint | undefined): Computed {
  const { used, values } = gather(rows, place, scope, amount);
  return { value: sumExactly(values), sources: [{ file, rows: used }] };
}

/** The latest count for each place and kind: a later as-of replaces an earlier one. */
export function latestTalent(talent: Sourced<Talent>[]): Sourced<Talent>[] {
  // In the order each place and kind first appears. Looked up by place, then by the kind's place in
  // the vocabulary: no joined key per row. Rows of one place usually follow one another.
  const latest: Sourced<Talent>[] = [];
  const slotsByPlace = new Map<string, number[]>();
  let place: string | undefined;
  let slots: number[] = [];
  for (const row of talent) {
    if (row.place_code !== place) {
      place = row.place_code;
      slots = slotsByPlace.get(place) ?? [];
      slotsByPlace.set(place, slots);
    }
    const kind = KIND_INDEX[row.kind];
    const at = slots[kind];
    if (at === undefined) {
      slots[kind] = latest.length;
      latest.push(row);
    } else if (row.as_of > latest[at]!.as_of) latest[at] = row;
  }
  return latest;
}

const KIND_INDEX = Object.fromEntries(Object.keys(TALENT_KINDS).map((kind, index) => [kind, index])) as Record<TalentKind, number>;

const talentOf =
  (kind: TalentKind): Computation =>
  (data, scope) =>
    sum(
      'talent.csv',
      data.latestTalent().filter((t) => t.kind === kind),
      (t) => t.place_code,
      scope,
      (t) => BigInt(t.count) * HUNDRED,
    );

const villageOf = (row: { village_code: string }): string => row.village_code;

/**
 * The figures the tool knows how to compute, by reported.csv key. A reported key not listed here
 * is shown as reported, marked "not computed from the data".
 */
export const COMPUTATIONS: Record<string, Computation> = {
  villages: ({ records }, scope) => count('villages.csv', records.villages, villageOf, scope),
  projects: ({ records }, scope) => count('projects.csv', records.projects, villageOf, scope),
  funds_yuan: ({ records }, scope) => sum('funds.csv', records.funds, villageOf, scope, (f) => f.amount_yuan),
  projects_investment_yuan: ({ records }, scope) => sum('projects.csv', records.projects, villageOf, scope, (p) => p.investment_yuan),
  projects_expected_annual_net_income_yuan: ({ records }, scope) =>
    sum('projects.csv', records.projects, villageOf, scope, (p) => p.expected_annual_net_income_yuan),
  commissioners: talentOf('commissioner'),
  resident_cadres: talentOf('resident_cadre'),
  local_talents: talentOf('local_talent'),
  graduates: talentOf('graduate'),
  returnees: talentOf('returnee'),
  veterans: talentOf('veteran'),
  paired_units: ({ records }, scope) => distinct('pairings.csv', records.pairings, villageOf, scope, (p) => p.unit_name),
  paired_enterprises: ({ records }, scope) => distinct('pairings.csv', records.pairings, villageOf, scope, (p) => p.enterprise_name),
};

export function reconcile(records: Records): Reconciliation[] {
  let latest: Sourced<Talent>[] | undefined;
  const data: Data = { records, latestTalent: () => (latest ??= latestTalent(records.talent)) };
  return records.reported.map((figure) => {
    const computation = COMPUTATIONS[figure.key];
    const computed = computation?.(data, figure.scope_code);
    const status = judgeFigure(figure.qualifier, figure.value, computed?.value);
    return {
      key: figure.key,
      scopeCode: figure.scope_code,
      label: { zh: figure.label_zh, en: figure.label_en },
      unit: figure.unit,
      qualifier: figure.qualifier,
      reported: figure.value,
      computed: computed?.value,
      difference: computed === undefined ? undefined : computed.value - figure.value,
      status,
      sources: computed?.sources ?? [],
      reportedRow: figure.row,
    };
  });
}

/**
 * A figure that does not add up is a warning: it is published, beside its difference. It names the
 * reported value's cell; its value is the number read there (`1.5亿` is given as 150000000).
 */
export function reconcileProblems(reconciliations: Reconciliation[], positions: ColumnPositions): Problem[] {
  return reconciliations
    .filter((r) => r.status === 'differs')
    .map((r) => ({
      severity: 'warning',
      rule: 'reconcile',
      file: 'reported.csv',
      row: r.reportedRow,
      ...locateColumn(positions, 'reported.csv', 'value'),
      value: formatHundredths(r.reported),
      message: {
        zh: `${r.label.zh}（${r.scopeCode}）：数据计算为 ${formatHundredths(r.computed)}，报告为 ${formatHundredths(r.reported)}，相差 ${formatHundredths(r.difference)}`,
        en: `${r.label.en} (${r.scopeCode}): computed ${formatHundredths(r.computed)} from the data, reported ${formatHundredths(r.reported)}, difference ${formatHundredths(r.difference)}`,
      },
      hint: {
        zh: '核对相关数据行；若数据无误，网站会并列显示两个数字',
        en: 'Check the rows behind the figure; if they are right, the site shows both numbers side by side',
      },
    }));
}
