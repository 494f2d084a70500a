/**
 * The data behind each chart of a place, in one language-neutral shape that both the page (which
 * draws it) and /data/charts/<code>/<chart>.csv (which publishes it) are made from, so the numbers a
 * reader downloads are exactly those drawn.
 */
import type { Bilingual } from '../i18n/locale.ts';
import type { Place, PlaceSummary } from './aggregate.ts';
import { englishName } from '../format/placeName.ts';
import { anyIllustrative } from './provenance.ts';
import { FUND_SOURCE_KINDS, SECTORS, STAGES, TALENT_KINDS, type Vocabulary } from '../model/vocabulary.ts';

export const CHART_IDS = [
  'funds-by-child',
  'funds-by-source',
  'funds-over-time',
  'projects-by-sector',
  'projects-by-stage',
  'talent-by-kind',
  'talent-by-child',
  'income-by-month',
  'stages-by-month',
] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** What the rows of a dataset are, so a page knows how to label them. */
export type RowKind = 'place' | 'month' | 'term';

export type Labelled = { key: string; label: Bilingual };

export type ChartDataset = {
  id: ChartId;
  /** money: values are bigint fen; count: numbers. */
  kind: 'money' | 'count';
  rowKind: RowKind;
  rows: Labelled[];
  /** Series keys are CSV column names; labels of vocabulary series come from the vocabulary. */
  series: Labelled[];
  /** values[row][series] */
  values: (bigint | number)[][];
  /** The data files the values were added up from, and whether any row used is illustrative. */
  files: string[];
  illustrative: boolean;
};

const terms = (vocabulary: Vocabulary): Labelled[] => Object.entries(vocabulary).map(([key, term]) => ({ key, label: { zh: term.zh, en: term.en } }));

const single = (key: string): Labelled[] => [{ key, label: { zh: key, en: key } }];

const placeLabel = (place: Place): Labelled => ({
  key: place.code,
  label: { zh: place.name, en: englishName({ name: place.name, name_en: place.nameEn }) },
});

const monthLabel = (month: string): Labelled => ({ key: month, label: { zh: month, en: month } });

/**
 * Every chart a place's page can show. Charts comparing a place's children (its towns, its villages)
 * are left out for a village, and `stages-by-month` too, since a village has one stage a month.
 */
export function chartDatasets(place: Place, summaryOf: (code: string) => PlaceSummary, places: ReadonlyMap<string, Place>): ChartDataset[] {
  const summary = summaryOf(place.code);
  const children = place.childCodes.map((code) => places.get(code)).filter((child): child is Place => child !== undefined);
  const childSummaries = children.map((child) => summaryOf(child.code));
  const funds = { files: ['funds.csv'], illustrative: anyIllustrative(summary.funds) };
  const projects = { files: ['projects.csv'], illustrative: anyIllustrative(summary.projects) };
  const talent = { files: ['talent.csv'], illustrative: anyIllustrative(summary.talent) };
  const monthly = { files: ['monthly.csv'], illustrative: anyIllustrative(summary.monthly) };
  const sources = terms(FUND_SOURCE_KINDS);
  const talentKinds = terms(TALENT_KINDS);
  const stages = terms(STAGES);

  const datasets: ChartDataset[] = [];
  if (children.length > 0) {
    datasets.push({
      id: 'funds-by-child',
      kind: 'money',
      rowKind: 'place',
      rows: children.map(placeLabel),
      series: sources,
      values: childSummaries.map((s) => s.fundsBySource.map((k) => k.value)),
      ...funds,
    });
  }
  datasets.push(
    {
      id: 'funds-by-source',
      kind: 'money',
      rowKind: 'term',
      rows: sources,
      series: single('amount_yuan'),
      values: summary.fundsBySource.map((k) => [k.value]),
      ...funds,
    },
    {
      id: 'funds-over-time',
      kind: 'money',
      rowKind: 'month',
      rows: summary.fundsOverTime.map((p) => monthLabel(p.month)),
      series: [...single('amount_yuan'), ...single('cumulative_yuan')],
      values: summary.fundsOverTime.map((p) => [p.amount, p.cumulative]),
      ...funds,
    },
    {
      id: 'projects-by-sector',
      kind: 'count',
      rowKind: 'term',
      rows: terms(SECTORS),
      series: single('projects'),
      values: summary.projectsBySector.map((k) => [k.value]),
      ...projects,
    },
    {
      id: 'projects-by-stage',
      kind: 'count',
      rowKind: 'term',
      rows: stages,
      series: single('projects'),
      values: summary.projectsByStage.map((k) => [k.value]),
      ...projects,
    },
    {
      id: 'talent-by-kind',
      kind: 'count',
      rowKind: 'term',
      rows: talentKinds,
      series: single('people'),
      values: summary.talentByKind.map((k) => [k.value]),
      ...talent,
    },
  );
  if (children.length > 0) {
    datasets.push({
      id: 'talent-by-child',
      kind: 'count',
      rowKind: 'place',
      rows: children.map(placeLabel),
      series: talentKinds,
      values: childSummaries.map((s) => s.talentByKind.map((k) => k.value)),
      ...talent,
    });
  }
  datasets.push({
    id: 'income-by-month',
    kind: 'money',
    rowKind: 'month',
    rows: summary.incomeByMonth.map((p) => monthLabel(p.month)),
    series: single('collective_income_yuan'),
    values: summary.incomeByMonth.map((p) => [p.income]),
    ...monthly,
  });
  if (place.level !== 'village') {
    datasets.push({
      id: 'stages-by-month',
      kind: 'count',
      rowKind: 'month',
      rows: summary.incomeByMonth.map((p) => monthLabel(p.month)),
      series: stages,
      values: summary.incomeByMonth.map((p) => p.stages.map((k) => k.value)),
      ...monthly,
    });
  }
  return datasets;
}

/** Whether a dataset has anything to draw (a chart of nothing but zeros says nothing). */
export function hasValues(dataset: ChartDataset): boolean {
  return dataset.values.some((row) => row.some((value) => value !== 0 && value !== 0n));
}
