import { describe, expect, test } from 'vitest';
import { buildFundsView, buildMonthlyView, buildPairingsView, buildProjectsView, buildTalentView } from '../../../src/derive/views/topicViews.ts';
import { makeRecords } from '../map/mapFixtures.ts';
import { siteOf, smallSite } from './siteFixture.ts';
import type { ByCounty } from '../../../src/derive/views/topicViews.ts';
import { LARGE_REGION_VILLAGES } from '../../../src/derive/regionSize.ts';

/** Every row of a page by county, in order. */
const rowsOf = <T>(byCounty: ByCounty<T> | undefined) => byCounty!.counties.flatMap((group) => group.rows);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const sumFen = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

const site = smallSite();

describe('topic views', () => {
  test('projects: every project by village then id, its reported figures, and the towns to filter by', () => {
    const view = buildProjectsView(siteOf(makeRecords()));
    expect(view.rows.map((r) => r.project.project_id)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(view.towns.map((t) => t.code)).toEqual(['150627101']);
    const small = buildProjectsView(site);
    expect(small.rows.map((r) => r.project.village_code)).toEqual(['150627101212', '150627101225', '150627102200']);
    expect(small.figures.length).toBeGreaterThan(0);
    expect(small.charts['projects-by-stage']).toBeDefined();
  });

  test('funds: the reported total beside the data’s, and per village its funds by source and in all', () => {
    const view = buildFundsView(site);
    expect(view.reported.map((r) => r.key)).toEqual(['funds_yuan']);
    expect(view.total).toBe(3020_0000_00n);
    expect(view.count).toBe(4);
    const gaolemiao = view.rows.find((r) => r.village.code === '150627101225');
    expect(gaolemiao?.total).toBe(2600_0000_00n);
    expect(gaolemiao?.bySource.reduce((sum, s) => sum + s.value, 0n)).toBe(2600_0000_00n);
    expect(gaolemiao?.town?.code).toBe('150627101');
    expect(view.figures.every((f) => f.key === 'enterpriseFunds')).toBe(true);
    expect(view.towns.map((t) => t.code)).toEqual(['150627101', '150627102']);
  });

  test('talent: per place (towns too) by kind, with the town each row is filtered under', () => {
    const view = buildTalentView(site);
    expect(view.total).toBe(9);
    expect(view.rows.map((r) => [r.place.code, r.townCode, r.total])).toEqual([
      ['150627101', '150627101', 5],
      ['150627101212', '150627101', 1],
      ['150627101225', '150627101', 1],
      ['150627102200', '150627102', 2],
    ]);
    expect(view.towns.map((t) => t.code)).toEqual(['150627101', '150627102']);
    expect(view.reported.map((r) => r.key)).toEqual(['commissioners']);
  });

  test('pairings: each village’s pairing, or none', () => {
    const view = buildPairingsView(siteOf(makeRecords()));
    const pairs = view.rows.map((r) => [r.village.code, r.pairing?.unit_name]);
    expect(pairs).toContainEqual(['150627101201', '旗税务局']);
    expect(pairs).toContainEqual(['150627102200', '旗气象局']);
    expect(pairs).toContainEqual(['150627101202', undefined]);
  });

  test('monthly: the latest month, each village’s review in it and the month before, and a change of stage', () => {
    const view = buildMonthlyView(siteOf(makeRecords()));
    expect(view.latest).toBe('2021-09');
    const changed = view.rows.filter((r) => r.changed).map((r) => [r.village.code, r.before?.stage, r.review?.stage]);
    expect(changed).toEqual([['150627101212', 'preliminary', 'construction']]);
    // Reviewed in the latest month but not the one before: no change to report.
    const first = view.rows.find((r) => r.village.code === '150627101201');
    expect([first?.review?.stage, first?.before, first?.changed]).toEqual(['operating', undefined, false]);
    expect(view.reported).toEqual([]);
  });
});

describe('topic views past the village list’s limit: each county’s towns with their totals', () => {
  const towns = ['150627101', '150627102'];

  test('below the limit no page goes by county', () => {
    expect(LARGE_REGION_VILLAGES).toBeGreaterThan(3);
    for (const build of [buildProjectsView, buildFundsView, buildTalentView, buildPairingsView, buildMonthlyView]) expect(build(site).byCounty).toBeUndefined();
  });

  test('projects: each town’s projects, operating ones and investment, adding up to the region’s; no row per project', () => {
    const view = buildProjectsView(site, 2);
    expect([view.rows, view.towns]).toEqual([[], []]);
    expect(view.byCounty!.counties.map((g) => [g.county.code, g.title.map((p) => p.code)])).toEqual([['150627', ['150627']]]);
    expect([view.byCounty!.villages, view.byCounty!.towns]).toEqual([3, 2]);
    const rows = rowsOf(view.byCounty);
    expect(rows.map((r) => r.place.code)).toEqual(towns);
    const summary = site.summary('150627');
    expect(view.count).toBe(summary.projects.length);
    expect(sum(rows.map((r) => r.projects))).toBe(summary.projects.length);
    expect(sum(rows.map((r) => r.operating))).toBe(summary.projects.filter((p) => p.stage === 'operating').length);
    expect(sumFen(rows.map((r) => r.investment))).toBe(summary.investment);
    // The full table is still the page's download.
    expect(view.table.rows.map((set) => set.path)).toEqual(['/data/rows/150627/projects']);
  });

  test('funds: each town’s funds by source and in all, adding up to the region’s', () => {
    const view = buildFundsView(site, 2);
    expect([view.rows, view.towns]).toEqual([[], []]);
    const rows = rowsOf(view.byCounty);
    expect(rows.map((r) => r.place.code)).toEqual(towns);
    expect(sumFen(rows.map((r) => r.total))).toBe(3020_0000_00n);
    for (const row of rows) expect(sumFen(row.bySource.map((s) => s.value))).toBe(row.total);
    const bySource = site.summary('150627').fundsBySource;
    bySource.forEach((source, i) => expect(sumFen(rows.map((r) => r.bySource[i]!.value)), source.key).toBe(source.value));
  });

  test('talent: each town with its villages, a county’s own count first, adding up to the region’s', () => {
    const view = buildTalentView(site, 2);
    expect([view.rows, view.towns]).toEqual([[], []]);
    const rows = rowsOf(view.byCounty);
    expect(rows.map((r) => [r.place.code, r.total, r.own])).toEqual([
      ['150627101', 7, false],
      ['150627102', 2, false],
    ]);
    expect(sum(rows.map((r) => r.total))).toBe(view.total);

    // Talent the county and the city count themselves: rows of their own, the city's in a group named by it.
    const records = site.records;
    const own = (place: string, row: number) => ({ ...records.talent.at(-1)!, place_code: place, count: 4, row });
    const more = siteOf({ ...records, talent: [...records.talent, own('150627', 90), own('1506', 91)] }, site.report.reconciliation);
    const withOwn = buildTalentView(more, 2);
    expect(withOwn.byCounty!.counties.map((g) => g.county.code)).toEqual(['150627']);
    const county = rowsOf(withOwn.byCounty);
    expect(county.map((r) => [r.place.code, r.own])).toEqual([
      ['150627', true],
      ['150627101', false],
      ['150627102', false],
    ]);
    expect(sum(county.map((r) => r.total))).toBe(withOwn.total);
    // The city is above this region (a county): not its talent.
    expect(withOwn.total).toBe(13);

    // The same rows in the city's site: the city's own count is a group of its own, before its counties.
    const city = siteOf({ ...more.records, edition: [{ ...records.edition[0]!, region_code: '1506' }] }, site.report.reconciliation);
    const inCity = buildTalentView(city, 2);
    expect(inCity.byCounty!.counties.map((g) => [g.county.code, g.title.map((p) => p.code), g.rows.map((r) => [r.place.code, r.own])])).toEqual([
      ['1506', ['1506'], [['1506', true]]],
      [
        '150627',
        ['150627'],
        [
          ['150627', true],
          ['150627101', false],
          ['150627102', false],
        ],
      ],
    ]);
    expect(sum(rowsOf(inCity.byCounty).map((r) => r.total))).toBe(inCity.total);
    expect(inCity.total).toBe(17);
  });

  test('pairings: each town’s villages and how many are paired with a unit and an enterprise', () => {
    const view = buildPairingsView(site, 2);
    expect([view.rows, view.towns]).toEqual([[], []]);
    expect(rowsOf(view.byCounty).map((r) => [r.place.code, r.villages, r.paired, r.withEnterprise])).toEqual([
      ['150627101', 2, 2, 2],
      ['150627102', 1, 1, 0],
    ]);
  });

  test('monthly: each town’s villages reviewed in the latest month, their income and changes of stage', () => {
    const records = siteOf(makeRecords());
    const view = buildMonthlyView(records, 0);
    expect([view.rows, view.towns]).toEqual([[], []]);
    const rows = rowsOf(view.byCounty);
    const latest = records.summary('150627').incomeByMonth.at(-1)!;
    expect(view.latest).toBe(latest.month);
    expect(sum(rows.map((r) => r.reviewed))).toBe(latest.villages);
    expect(sumFen(rows.map((r) => r.income))).toBe(latest.income);
    // As the table by village counts them: one village changed stage.
    const byVillage = buildMonthlyView(records);
    expect(sum(rows.map((r) => r.changed))).toBe(byVillage.rows.filter((r) => r.changed).length);
    expect(sum(rows.map((r) => r.changed))).toBe(1);
  });
});
