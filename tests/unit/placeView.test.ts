import { describe, expect, test } from 'vitest';
import { buildPlaceTree, summarizePlace } from '../../src/derive/aggregate.ts';
import { buildPlaceView, type PlaceViewSource } from '../../src/derive/placeView.ts';
import type { Reconciliation } from '../../src/read/reconcile.ts';
import { SEAT_A, makeRecords } from './map/mapFixtures.ts';

const records = makeRecords();
const reported = (scopeCode: string) => ({ scopeCode, key: 'funds_yuan' }) as unknown as Reconciliation;
const source: PlaceViewSource = {
  tree: buildPlaceTree(records),
  records,
  report: { reconciliation: [reported('150627'), reported('150627101201')] },
  summary: (code) => summarizePlace(records, code),
  datasets: (code) => [{ id: 'funds-by-source', code } as never],
};

describe('buildPlaceView', () => {
  test('a village: its town as parent with a page, ancestors above the region without one, its own figures', () => {
    const view = buildPlaceView(source, '150627101201');
    expect(view.isVillage).toBe(true);
    expect(view.parent).toMatchObject({ place: { code: '150627101' }, hasPage: true });
    expect(view.ancestors.map((a) => [a.place.code, a.hasPage])).toEqual([['15', false], ['150627', true], ['150627101', true]]);
    expect(view.reported.map((r) => r.scopeCode)).toEqual(['150627101201']);
    expect(view.pairing?.unit_name).toBe('旗税务局');
    expect(view.children).toEqual([]);
    expect(Object.keys(view.charts)).toEqual(['funds-by-source']);
  });

  test('orders the village’s own reviews by month and compares it with its town', () => {
    const view = buildPlaceView(source, '150627101201');
    expect(view.monthly.map((m) => m.month)).toEqual(['2021-07', '2021-09']);
    expect(view.allIllustrative).toBe(false);
    expect(view.comparison?.measures.length).toBeGreaterThan(0);
    expect(view.illustrative).toBe(true);
  });

  test('a town: its villages with their summaries, its seat, and how its villages are located', () => {
    const view = buildPlaceView(source, '150627101');
    expect(view.isVillage).toBe(false);
    expect(view.comparison).toBeUndefined();
    expect(view.children.map((c) => c.place.code)).toEqual(['150627101201', '150627101202', '150627101203', '150627101204', '150627101205', '150627101212']);
    expect(view.children[0]?.summary.projects).toHaveLength(3);
    expect(view.seat).toEqual({ lon: SEAT_A[0], lat: SEAT_A[1] });
    expect(view.precisionCounts).toEqual({ surveyed: 1, townSeat: 5 });
  });

  test('the region has no parent page above it and no seat when divisions.csv gives none', () => {
    const view = buildPlaceView(source, '150627');
    expect(view.parent).toMatchObject({ place: { code: '15' }, hasPage: false });
    expect(view.seat).toBeUndefined();
    expect(view.children.map((c) => c.place.code)).toEqual(['150627101', '150627102']);
    expect(view.reported).toHaveLength(1);
  });
});
