import { describe, expect, test } from 'vitest';
import { buildPlaceView } from '../../../src/derive/views/placeView.ts';
import type { Reconciliation } from '../../../src/read/reconcile.ts';
import { SEAT_A, makeRecords } from '../map/mapFixtures.ts';
import { siteOf, smallSite } from './siteFixture.ts';

const reported = (scopeCode: string) =>
  ({ scopeCode, key: 'funds_yuan', label: { zh: '帮扶资金', en: 'Funds' }, unit: '元', reportedRow: 2, sources: [] }) as unknown as Reconciliation;
const site = siteOf(makeRecords(), [reported('150627'), reported('150627101201')]);

describe('buildPlaceView', () => {
  test('a village: its town as parent with a page, ancestors above the region without one, its own figures', () => {
    const view = buildPlaceView(site, '150627101201', 'zh-CN');
    expect(view.isVillage).toBe(true);
    expect(view.parent).toMatchObject({ place: { code: '150627101' }, hasPage: true });
    expect(view.ancestors.map((a) => [a.place.code, a.hasPage])).toEqual([
      ['15', false],
      ['150627', true],
      ['150627101', true],
    ]);
    expect(view.reported.map((r) => r.scopeCode)).toEqual(['150627101201']);
    expect(view.pairing?.unit_name).toBe('旗税务局');
    expect(view.children).toEqual([]);
    expect(view.projects.map((r) => r.project.project_id)).toEqual(['P1', 'P2', 'P3']);
    expect(view.map.locale).toBe('zh-CN');
  });

  test('orders the village’s own reviews by month, marks a change of stage, and compares it with its town', () => {
    const view = buildPlaceView(site, '150627101201', 'en');
    expect(view.timeline.map(({ review, changed }) => [review.month, review.stage, changed])).toEqual([
      ['2021-07', 'construction', false],
      ['2021-09', 'operating', true],
    ]);
    expect(view.timelineIllustrative).toBe(false);
    expect(view.figuresIllustrative).toEqual({ projects: true, funds: false, talent: false, pairings: false, latestStage: false });
    expect(view.comparison?.measures.length).toBeGreaterThan(0);
    expect(view.illustrative).toBe(true);
  });

  test('a town: its villages with their summaries, its seat, and how its villages are located', () => {
    const view = buildPlaceView(site, '150627101', 'zh-CN');
    expect(view.isVillage).toBe(false);
    expect(view.comparison).toBeUndefined();
    expect(view.timeline).toEqual([]);
    expect(view.children.map((c) => c.place.code)).toEqual(['150627101201', '150627101202', '150627101203', '150627101204', '150627101205', '150627101212']);
    expect(view.children[0]?.summary.projects).toHaveLength(3);
    expect(view.seat).toEqual({ lon: SEAT_A[0], lat: SEAT_A[1] });
    expect(view.precisionCounts).toEqual({ surveyed: 1, townSeat: 5, countySeat: 0 });
  });

  test('the region has no parent page above it and no seat when divisions.csv gives none', () => {
    const view = buildPlaceView(site, '150627', 'zh-CN');
    expect(view.parent).toMatchObject({ place: { code: '15' }, hasPage: false });
    expect(view.seat).toBeUndefined();
    expect(view.children.map((c) => c.place.code)).toEqual(['150627101', '150627102']);
    expect(view.reported).toHaveLength(1);
  });

  test('adds up the talent of every kind and finds the charts by id', () => {
    const small = smallSite();
    const view = buildPlaceView(small, '150627', 'zh-CN');
    expect(view.talentTotal).toBe(9);
    const { cite, ...chart } = view.charts['funds-by-source']!;
    expect(chart).toEqual(small.dataset('150627', 'funds-by-source'));
    // The chart's panel: the region's funds, anchored at the chart.
    expect(cite).toMatchObject({ id: '150627-funds-by-source', anchor: 'funds-by-source', rows: [{ file: 'funds.csv', path: '/data/rows/150627/funds' }] });
    expect(cite.rows[0]!.records).toEqual(small.summary('150627').funds);
    expect(view.reported.find((r) => r.key === 'funds_yuan')?.illustrative).toBe(true);
  });
});
