import { describe, expect, test } from 'vitest';
import { buildDataView } from '../../../src/derive/views/dataView.ts';
import { buildHomeView } from '../../../src/derive/views/homeView.ts';
import { buildMapView } from '../../../src/derive/views/mapView.ts';
import { buildVillagesView } from '../../../src/derive/views/villagesView.ts';
import { PILLAR_FIGURES } from '../../../src/derive/programmeFrame.ts';
import { siteOf, smallSite } from './siteFixture.ts';

const site = smallSite();

describe('buildHomeView', () => {
  test('sorts the region’s reported figures into the overview and the parts of the programme, each with the data’s own', () => {
    const view = buildHomeView(site, 'en');
    expect(view.code).toBe('150627');
    expect(view.overview.map((r) => r.key).sort()).toEqual(['area_km2', 'villages']);
    const talent = view.pillars.find((p) => p.pillar === 'talent');
    expect(talent?.figures.map((r) => r.key)).toEqual(['commissioners']);
    expect(view.pillars.map((p) => p.pillar)).toEqual(Object.keys(PILLAR_FIGURES));
    // A town's figure is not the region's.
    expect(view.reported.map((r) => r.key)).not.toContain('projects_investment_yuan');
    expect(view.reported).toHaveLength(4);
    expect(view.map).toBe(site.mapPayload('en'));
    expect(view.charts['funds-by-child']?.rows.map((r) => r.key)).toEqual(['150627101', '150627102']);
  });
});

describe('buildMapView', () => {
  test('hands the map page the payload of its language', () => {
    expect(buildMapView(site, 'zh-CN').map).toBe(site.mapPayload('zh-CN'));
    expect(buildMapView(site, 'zh-CN').illustrative).toBe(true);
  });
});

describe('buildVillagesView', () => {
  test('groups the villages under their towns, in code order, each with its summary', () => {
    const view = buildVillagesView(site);
    expect(view.count).toBe(3);
    expect(view.groups.map((g) => [g.parent.code, g.villages.map((v) => v.village.code)])).toEqual([
      ['150627101', ['150627101212', '150627101225']],
      ['150627102', ['150627102200']],
    ]);
    expect(view.groups[0]?.villages[1]?.summary.fundsTotal).toBe(2600_0000_00n);
    expect(view.byCounty).toBeUndefined();
  });

  test('above its limit lists each county’s towns with their totals, and every village’s rows as one download', () => {
    const view = buildVillagesView(site, 2);
    expect(view.groups).toEqual([]);
    expect(view.count).toBe(3);
    expect(view.towns).toBe(2);
    expect(view.byCounty?.map((g) => [g.county.code, g.towns.map((t) => [t.place.code, t.summary.villages])])).toEqual([
      [
        '150627',
        [
          ['150627101', 2],
          ['150627102', 1],
        ],
      ],
    ]);
    expect(view.cite?.rows.map((set) => set.path)).toEqual(['/data/rows/150627/villages', '/data/rows/150627/projects', '/data/rows/150627/funds']);
    expect(buildVillagesView(site, 3).byCounty).toBeUndefined();
  });
});

describe('buildDataView', () => {
  const view = buildDataView(site);

  test('counts each file’s official rows and says the data is illustrative when any file is', () => {
    const funds = view.files.find((f) => f.table.file === 'funds.csv');
    expect(funds).toMatchObject({ rows: 4, officialRows: 0, provenance: 'illustrative' });
    const pairings = view.files.find((f) => f.table.file === 'pairings.csv');
    expect(pairings).toMatchObject({ rows: 3, officialRows: 1 });
    expect(view.illustrative).toBe(true);
  });

  test('lists each source once, counts villages by location precision and names an example village', () => {
    expect(view.sources).toHaveLength(1);
    expect(view.sources[0]?.source_title).toBe('测试');
    expect([view.surveyed, view.townSeat, view.countySeat]).toEqual([1, 2, 0]);
    expect(view.exampleVillageCode).toBe('150627101212');
  });

  test('counts a village waiting at its county seat apart from those at a town seat', () => {
    const records = structuredClone(site.records);
    records.villages[0]!.location_precision = 'county-seat';
    const counted = buildDataView(siteOf(records));
    expect([counted.surveyed, counted.townSeat, counted.countySeat]).toEqual([1, 1, 1]);
  });

  test('gives every reconciled figure its place, whether that place has a page, and its reported.csv row', () => {
    expect(view.reconciliation).toHaveLength(site.report.reconciliation.length);
    const town = view.reconciliation.find((r) => r.figure.key === 'projects_investment_yuan');
    expect(town?.scope?.code).toBe('150627101225');
    expect(town?.scopeHasPage).toBe(true);
    expect(town?.source?.quote).toBe('筹措2600余万元');
  });

  test('names the one project a figure is about, and none for a figure about a whole place', () => {
    const park = view.reconciliation.find((r) => r.figure.key === 'projects_investment_yuan');
    expect(park?.project).toMatchObject({ project_id: 'P1', name: '汽车三产服务园区' });
    expect(view.reconciliation.find((r) => r.figure.key === 'funds_yuan')?.project).toBeUndefined();
  });
});
