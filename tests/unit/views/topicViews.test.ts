import { describe, expect, test } from 'vitest';
import { buildFundsView, buildMonthlyView, buildPairingsView, buildProjectsView, buildTalentView } from '../../../src/derive/views/topicViews.ts';
import { makeRecords } from '../map/mapFixtures.ts';
import { siteOf, smallSite } from './siteFixture.ts';

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
