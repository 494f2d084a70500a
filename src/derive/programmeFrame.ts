/**
 * The programme in the article's own frame, 两扶两带一推进: project support (项目扶持), talent
 * support (人才扶持), the paired unit (包联单位) and paired enterprise (包联企业) of each village, and
 * the monthly review (按月调度). This module says which reported figure belongs to which part; the
 * parts' names are interface text and live in the dictionaries.
 */
import { group } from 'd3-array';
import type { PlaceSummary } from './aggregate.ts';
import { anyIllustrative } from './provenance.ts';
import type { Reconciliation } from '../read/reconcile.ts';
import type { RowKey } from './rowSets.ts';

export const PILLARS = ['projects', 'talent', 'units', 'enterprises', 'monthly'] as const;
export type Pillar = (typeof PILLARS)[number];

/** Reported figure keys by part, in the order a reader meets them. Keys not listed are overview figures. */
export const PILLAR_FIGURES: Readonly<Record<Pillar, readonly string[]>> = {
  projects: ['projects', 'funds_yuan', 'projects_investment_yuan', 'projects_expected_annual_net_income_yuan'],
  talent: ['commissioners', 'resident_cadres', 'local_talents', 'graduates', 'returnees', 'veterans', 'talent_fund_per_town_yuan'],
  units: ['paired_units'],
  enterprises: ['paired_enterprises'],
  monthly: [],
};

export type FramedFigures = {
  pillars: { pillar: Pillar; figures: Reconciliation[] }[];
  /** Figures about the place as a whole (its villages, its area). */
  overview: Reconciliation[];
};

const byScope = new WeakMap<readonly Reconciliation[], ReadonlyMap<string, Reconciliation[]>>();

/**
 * The reported figures about exactly one place, in the report's order: grouped once per report, since
 * every panel of every page asks (docs/performance.md, Scale).
 */
export function figuresOf(reconciliation: readonly Reconciliation[], scopeCode: string): readonly Reconciliation[] {
  let scopes = byScope.get(reconciliation);
  if (scopes === undefined) byScope.set(reconciliation, (scopes = group(reconciliation, (figure) => figure.scopeCode)));
  return scopes.get(scopeCode) ?? [];
}

/** The reported figures of one place, sorted into the parts of the programme. */
export function frameFigures(reconciliation: readonly Reconciliation[], scopeCode: string): FramedFigures {
  const here = figuresOf(reconciliation, scopeCode);
  const order = (key: string, keys: readonly string[]) => keys.indexOf(key);
  const placed = new Set(PILLARS.flatMap((pillar) => PILLAR_FIGURES[pillar]));
  return {
    pillars: PILLARS.map((pillar) => ({
      pillar,
      figures: here
        .filter((r) => PILLAR_FIGURES[pillar].includes(r.key))
        .sort((a, b) => order(a.key, PILLAR_FIGURES[pillar]) - order(b.key, PILLAR_FIGURES[pillar])),
    })),
    overview: here.filter((r) => !placed.has(r.key)),
  };
}

/** A place's reported figures about the given parts of the programme, in the frame's order. */
export function figuresAbout(reconciliation: readonly Reconciliation[], scopeCode: string, pillars: readonly Pillar[]): Reconciliation[] {
  return frameFigures(reconciliation, scopeCode)
    .pillars.filter((p) => pillars.includes(p.pillar))
    .flatMap((p) => p.figures);
}

/** A figure the data gives that no report states: shown without a reported twin. */
export type DataFigure = {
  key: DataFigureKey;
  value: { kind: 'money'; fen: bigint } | { kind: 'count'; count: number } | { kind: 'month'; month: string };
  illustrative: boolean;
  /** The rows it is worked out from (src/derive/rowSets.ts). */
  rows: RowKey;
};

export type DataFigureKey =
  | 'villages'
  | 'projects'
  | 'fundsTotal'
  | 'investment'
  | 'expectedIncome'
  | 'talentTotal'
  | 'villagesPaired'
  | 'villagesWithEnterprise'
  | 'enterpriseFunds'
  | 'latestMonth'
  | 'villagesReviewed'
  | 'latestIncome';

/**
 * A place's totals from the data alone (villages, projects, funds secured): what the home page's
 * overview shows while no figure has been reported, as for a region just started with init-region.
 */
export function dataTotals(summary: PlaceSummary): DataFigure[] {
  return [
    { key: 'villages', value: { kind: 'count', count: summary.villages }, illustrative: false, rows: 'villages.csv' },
    { key: 'projects', value: { kind: 'count', count: summary.projects.length }, illustrative: anyIllustrative(summary.projects), rows: 'projects.csv' },
    { key: 'fundsTotal', value: { kind: 'money', fen: summary.fundsTotal }, illustrative: anyIllustrative(summary.funds), rows: 'funds.csv' },
  ];
}

/** What each part of the programme shows from the data alone, beside its reported figures. */
export function dataFigures(summary: PlaceSummary): Record<Pillar, DataFigure[]> {
  const projects = anyIllustrative(summary.projects);
  const pairings = anyIllustrative(summary.pairings);
  const funds = anyIllustrative(summary.funds);
  const latest = summary.incomeByMonth.at(-1);
  const latestRows = latest === undefined ? [] : summary.monthly.filter((m) => m.month === latest.month);
  const money = (fen: bigint) => ({ kind: 'money', fen }) as const;
  const count = (n: number) => ({ kind: 'count', count: n }) as const;
  return {
    projects: [
      { key: 'investment', value: money(summary.investment), illustrative: projects, rows: 'projects.csv' },
      { key: 'expectedIncome', value: money(summary.expectedIncome), illustrative: projects, rows: 'projects.csv' },
    ],
    talent: [
      {
        key: 'talentTotal',
        value: count(summary.talentByKind.reduce((sum, k) => sum + k.value, 0)),
        illustrative: anyIllustrative(summary.talent),
        rows: 'talent.csv',
      },
    ],
    units: [{ key: 'villagesPaired', value: count(summary.pairings.length), illustrative: pairings, rows: 'pairings.csv' }],
    enterprises: [
      {
        key: 'villagesWithEnterprise',
        value: count(summary.pairings.filter((p) => p.enterprise_name !== undefined).length),
        illustrative: pairings,
        rows: 'pairings-enterprise',
      },
      {
        key: 'enterpriseFunds',
        value: money(summary.fundsBySource.find((k) => k.key === 'paired_enterprise')?.value ?? 0n),
        illustrative: funds,
        rows: 'funds-enterprise',
      },
    ],
    monthly:
      latest === undefined
        ? []
        : [
            // A month is a date, not a value of the review: it is never illustrative.
            { key: 'latestMonth', value: { kind: 'month', month: latest.month }, illustrative: false, rows: 'monthly-latest' },
            { key: 'villagesReviewed', value: count(latest.villages), illustrative: anyIllustrative(latestRows), rows: 'monthly-latest' },
            { key: 'latestIncome', value: money(latest.income), illustrative: anyIllustrative(latestRows), rows: 'monthly-latest' },
          ],
  };
}
