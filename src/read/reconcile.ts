/**
 * Every officially reported figure beside the same figure computed from the rows, so a reader sees
 * at once whether the data adds up to what was announced. A difference is shown, never hidden.
 */
import type { Bilingual } from '../i18n/locale.ts';
import { locateColumn, type ColumnPositions, type Problem } from './problem.ts';
import type { Fund, Pairing, Project, Records, Sourced, Talent, Village } from './tables.ts';
import { sumExactly } from './sumExactly.ts';
import { formatHundredths } from '../format/money.ts';
import { isWithin } from '../model/divisionCode.ts';
import type { Reconciliation as ReconciliationMode } from '../model/regionConfig.ts';
import {
  FUND_SOURCE_KINDS,
  judgeFigure,
  lookUpTerm,
  SECTORS,
  TALENT_KINDS,
  VILLAGE_KINDS,
  type Qualifier,
  type ReconcileStatus,
  type TalentKind,
  type Vocabulary,
} from '../model/vocabulary.ts';

/** The rows a computed figure was added up from: the journalist's trail back to the data. */
export type SourceRows = { file: string; rows: number[] };

export type Reconciliation = {
  key: string;
  scopeCode: string;
  /** The one project the figure is about, when it is about one. */
  projectId?: string;
  /** The category (a vocabulary key: a sector, a kind of fund source…) the figure is about, when it names one. */
  category?: string;
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

/**
 * What a reported figure is about: always a place, and within it at most one project and one
 * category (a sector, a kind of fund source). A figure about one project is added up from that
 * project's rows alone, never from its whole village ("2600余万元" is the park's, not the village's).
 */
export type FigureScope = { place: string; project?: string; category?: string };

/** How one reported key is computed, and how narrowly a figure of that key may be scoped. */
export type Measure = {
  file: string;
  /** Whether a figure of this key may be about one project. */
  byProject: boolean;
  /** The vocabulary a figure's category comes from, when it may name one. */
  categories?: Vocabulary;
  compute: (data: Data, scope: FigureScope) => Computed;
};

type Aggregate<T> = { count: true } | { sum: (row: T) => bigint | undefined } | { distinct: (row: T) => string | undefined };

type MeasureOf<T extends { row: number }> = {
  file: string;
  rows: (data: Data) => readonly T[];
  place: (row: T) => string;
  project?: (row: T) => string | undefined;
  category?: { vocabulary: Vocabulary; of: (row: T) => string };
  aggregate: Aggregate<T>;
};

const HUNDRED = 100n;

/**
 * A measure over one file: one walk over its rows, keeping those in scope that have a value. Their
 * row numbers are the figure's trail to its sources.
 */
function measure<T extends { row: number }>(definition: MeasureOf<T>): Measure {
  const { file, place, project, category, aggregate } = definition;
  const valueOf: (row: T) => unknown = 'sum' in aggregate ? aggregate.sum : 'distinct' in aggregate ? aggregate.distinct : () => true;
  return {
    file,
    byProject: project !== undefined,
    categories: category?.vocabulary,
    compute(data, scope) {
      const used: number[] = [];
      const values: unknown[] = [];
      for (const row of definition.rows(data)) {
        if (!isWithin(place(row), scope.place)) continue;
        if (scope.project !== undefined && project?.(row) !== scope.project) continue;
        if (scope.category !== undefined && category?.of(row) !== scope.category) continue;
        const value = valueOf(row);
        if (value === undefined) continue;
        used.push(row.row);
        values.push(value);
      }
      const value = 'sum' in aggregate ? sumExactly(values as bigint[]) : BigInt('distinct' in aggregate ? new Set(values).size : used.length) * HUNDRED;
      return { value, sources: [{ file, rows: used }] };
    },
  };
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

const talentOf = (kind: TalentKind): Measure =>
  measure<Sourced<Talent>>({
    file: 'talent.csv',
    rows: (data) => data.latestTalent().filter((t) => t.kind === kind),
    place: (t) => t.place_code,
    aggregate: { sum: (t) => BigInt(t.count) * HUNDRED },
  });

const villageOf = (row: { village_code: string }): string => row.village_code;
const projectOf = (row: { project_id?: string }): string | undefined => row.project_id;
const bySector = { vocabulary: SECTORS, of: (p: Project) => p.sector };

const projectMeasure = (aggregate: Aggregate<Sourced<Project>>): Measure =>
  measure<Sourced<Project>>({
    file: 'projects.csv',
    rows: ({ records }) => records.projects,
    place: villageOf,
    project: projectOf,
    category: bySector,
    aggregate,
  });

const pairingMeasure = (name: (p: Pairing) => string | undefined): Measure =>
  measure<Sourced<Pairing>>({ file: 'pairings.csv', rows: ({ records }) => records.pairings, place: villageOf, aggregate: { distinct: name } });

/**
 * The figures the tool knows how to compute, by reported.csv key. A reported key not listed here
 * is shown as reported, marked "not computed from the data".
 */
export const MEASURES: Readonly<Record<string, Measure>> = {
  villages: measure<Sourced<Village>>({
    file: 'villages.csv',
    rows: ({ records }) => records.villages,
    place: villageOf,
    category: { vocabulary: VILLAGE_KINDS, of: (v) => v.kind },
    aggregate: { count: true },
  }),
  projects: projectMeasure({ count: true }),
  funds_yuan: measure<Sourced<Fund>>({
    file: 'funds.csv',
    rows: ({ records }) => records.funds,
    place: villageOf,
    project: projectOf,
    category: { vocabulary: FUND_SOURCE_KINDS, of: (f) => f.source_kind },
    aggregate: { sum: (f) => f.amount_yuan },
  }),
  projects_investment_yuan: projectMeasure({ sum: (p) => p.investment_yuan }),
  projects_expected_annual_net_income_yuan: projectMeasure({ sum: (p) => p.expected_annual_net_income_yuan }),
  commissioners: talentOf('commissioner'),
  resident_cadres: talentOf('resident_cadre'),
  local_talents: talentOf('local_talent'),
  graduates: talentOf('graduate'),
  returnees: talentOf('returnee'),
  veterans: talentOf('veteran'),
  paired_units: pairingMeasure((p) => p.unit_name),
  paired_enterprises: pairingMeasure((p) => p.enterprise_name),
};

/** The category's vocabulary key, when the figure names one its measure knows. */
const categoryKey = (measure: Measure | undefined, category: string | undefined): string | undefined =>
  category === undefined || measure?.categories === undefined ? undefined : lookUpTerm(measure.categories, category);

/** One id per reported figure: its key, place, and project and category when it names them. */
export const figureId = (figure: Pick<Reconciliation, 'key' | 'scopeCode' | 'projectId' | 'category'>): string =>
  [figure.key, figure.scopeCode, figure.projectId, figure.category].filter((part) => part !== undefined).join('-');

export function reconcile(records: Records): Reconciliation[] {
  let latest: Sourced<Talent>[] | undefined;
  const data: Data = { records, latestTalent: () => (latest ??= latestTalent(records.talent)) };
  return records.reported.map((figure) => {
    const measure = MEASURES[figure.key];
    const category = categoryKey(measure, figure.category);
    const computed = measure?.compute(data, { place: figure.scope_code, project: figure.project_id, category });
    const status = judgeFigure(figure.qualifier, figure.value, computed?.value);
    return {
      key: figure.key,
      scopeCode: figure.scope_code,
      ...(figure.project_id === undefined ? {} : { projectId: figure.project_id }),
      ...(category === undefined ? {} : { category }),
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
 * A reported figure must say what it is about in terms its key can compute: a project only for a
 * key counted from projects or funds, and one that lies in the figure's place; a category only from
 * the key's own vocabulary. Anything else would compute some other figure and call it the reported one.
 */
export function checkFigureScopes(records: Records, positions: ColumnPositions): Problem[] {
  const problems: Problem[] = [];
  const projects = new Map(records.projects.map((p) => [p.project_id, p]));
  for (const figure of records.reported) {
    const measure = MEASURES[figure.key];
    const at = (column: 'project_id' | 'category', value: string, message: Bilingual, hint: Bilingual): void => {
      problems.push({
        severity: 'error',
        rule: 'reported-scope',
        file: 'reported.csv',
        row: figure.row,
        ...locateColumn(positions, 'reported.csv', column),
        value,
        message,
        hint,
      });
    };
    if (figure.project_id !== undefined && measure !== undefined) {
      const project = projects.get(figure.project_id);
      if (!measure.byProject) {
        at(
          'project_id',
          figure.project_id,
          { zh: `指标 ${figure.key} 不能只针对一个项目`, en: `A figure of ${figure.key} cannot be about one project` },
          {
            zh: `清空项目编号；只有 ${keysWhere((m) => m.byProject).join('、')} 可以针对一个项目`,
            en: `Clear the project id; only ${keysWhere((m) => m.byProject).join(', ')} can be about one project`,
          },
        );
      } else if (project !== undefined && !isWithin(project.village_code, figure.scope_code)) {
        at(
          'project_id',
          figure.project_id,
          {
            zh: `项目 ${figure.project_id} 属于 ${project.village_code}，不在本行地区 ${figure.scope_code} 之内`,
            en: `Project ${figure.project_id} belongs to ${project.village_code}, outside this row's place ${figure.scope_code}`,
          },
          { zh: '改正项目编号或地区代码', en: 'Correct the project id or the place code' },
        );
      }
    }
    if (figure.category !== undefined && measure !== undefined) {
      const vocabulary = measure.categories;
      if (vocabulary === undefined) {
        at(
          'category',
          figure.category,
          { zh: `指标 ${figure.key} 没有类别`, en: `A figure of ${figure.key} has no categories` },
          { zh: '清空类别', en: 'Clear the category' },
        );
      } else if (lookUpTerm(vocabulary, figure.category) === undefined) {
        const terms = Object.values(vocabulary);
        at(
          'category',
          figure.category,
          { zh: `“${figure.category}”不是指标 ${figure.key} 的类别`, en: `“${figure.category}” is not a category of ${figure.key}` },
          { zh: `可选：${terms.map((t) => t.zh).join('、')}`, en: `Choose one of: ${terms.map((t) => `${t.zh} (${t.en})`).join(', ')}` },
        );
      }
    }
  }
  return problems;
}

const keysWhere = (test: (measure: Measure) => boolean): string[] => Object.keys(MEASURES).filter((key) => test(MEASURES[key]!));

/** `150627101225 P0001`: the place, and the project and category when a figure names them. */
const scopeText = (r: Reconciliation): string => [r.scopeCode, r.projectId, r.category].filter((part) => part !== undefined).join(' ');

/**
 * A figure that does not add up is a warning: it is published, beside its difference (lenient, the
 * default); under `reconciliation: "strict"` in region.json it is an error, and nothing is published.
 * It names the reported value's cell; its value is the number read there (`1.5亿` is given as 150000000).
 */
export function reconcileProblems(reconciliations: Reconciliation[], positions: ColumnPositions, mode: ReconciliationMode = 'lenient'): Problem[] {
  return reconciliations
    .filter((r) => r.status === 'differs')
    .map((r) => ({
      severity: mode === 'strict' ? 'error' : 'warning',
      rule: 'reconcile',
      file: 'reported.csv',
      row: r.reportedRow,
      ...locateColumn(positions, 'reported.csv', 'value'),
      value: formatHundredths(r.reported),
      message: {
        zh: `${r.label.zh}（${scopeText(r)}）：数据计算为 ${formatHundredths(r.computed)}，报告为 ${formatHundredths(r.reported)}，相差 ${formatHundredths(r.difference)}`,
        en: `${r.label.en} (${scopeText(r)}): computed ${formatHundredths(r.computed)} from the data, reported ${formatHundredths(r.reported)}, difference ${formatHundredths(r.difference)}`,
      },
      hint:
        mode === 'strict'
          ? {
              zh: '核对相关数据行；region.json 设为严格核对（reconciliation: strict），数字不一致时不发布；若两个数字都对，可改为 lenient，网站会并列显示',
              en: 'Check the rows behind the figure; region.json asks for strict reconciliation, so nothing is published while they differ; if both numbers are right, set reconciliation to lenient and the site shows them side by side',
            }
          : {
              zh: '核对相关数据行；若数据无误，网站会并列显示两个数字',
              en: 'Check the rows behind the figure; if they are right, the site shows both numbers side by side',
            },
    }));
}
