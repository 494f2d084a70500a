import { describe, expect, test } from 'vitest';
import { buildPlaceTree } from '../../../src/derive/aggregate.ts';
import { buildMapPayload } from '../../../src/derive/map/buildMapPayload.ts';
import type { LonLat } from '../../../src/derive/map/geodesy.ts';
import { resolveTileConfig } from '../../../src/config/tileConfig.ts';
import { byCode, haversineMetres, makeRecords } from './mapFixtures.ts';

describe('buildMapPayload', () => {
  const records = makeRecords();
  const tree = buildPlaceTree(records);
  const outlineWgs84 = {
    type: 'Polygon',
    coordinates: [
      [
        [109, 39],
        [110.5, 39],
        [110.5, 40],
        [109, 40],
        [109, 39],
      ],
    ],
  };

  test('uses WGS-84 without tiles and GCJ-02, shifted east, with AMap tiles', () => {
    const plain = buildMapPayload({ records, tree, locale: 'zh-CN', tiles: resolveTileConfig({}), outline: { wgs84: outlineWgs84 } });
    const amap = buildMapPayload({ records, tree, locale: 'zh-CN', tiles: resolveTileConfig({ MAP_TILES: 'amap' }), outline: { wgs84: outlineWgs84 } });
    expect(plain.crs).toBe('wgs84');
    expect(amap.crs).toBe('gcj02');
    const corner = (p: typeof plain) => p.outline!.geometry.coordinates[0]![0]![0]! as LonLat;
    expect(corner(plain)).toEqual([109, 39]);
    expect(haversineMetres(corner(plain), corner(amap))).toBeGreaterThan(300);
    expect(corner(amap)[0]).toBeGreaterThan(109);
  });

  test('takes the published GCJ-02 outline as is when there is one', () => {
    const published = {
      type: 'Polygon',
      coordinates: [
        [
          [109.1, 39.1],
          [110.6, 39.1],
          [110.6, 40.1],
          [109.1, 40.1],
          [109.1, 39.1],
        ],
      ],
    };
    const amap = buildMapPayload({
      records,
      tree,
      locale: 'en',
      tiles: resolveTileConfig({ MAP_TILES: 'amap' }),
      outline: { wgs84: outlineWgs84, gcj02: published },
    });
    expect(amap.outline!.geometry.coordinates[0]![0]![0]).toEqual([109.1, 39.1]);
  });

  test('has no outline when none is given', () => {
    expect(buildMapPayload({ records, tree, locale: 'en', tiles: resolveTileConfig({}) }).outline).toBeNull();
  });

  test('speaks the page’s language in legends, months, money, region and tile labels', () => {
    const tiles = resolveTileConfig({ MAP_TILES: 'tianditu', TIANDITU_KEY: 'k' });
    const zh = buildMapPayload({ records, tree, locale: 'zh-CN', tiles });
    const en = buildMapPayload({ records, tree, locale: 'en', tiles });
    expect([zh.regionName, en.regionName]).toEqual(['伊金霍洛旗', 'Ejin Horo Banner']);
    expect(zh.months.map((m) => m.label)).toEqual(['2021年7月', '2021年8月', '2021年9月']);
    expect(en.months[0]).toEqual({ month: '2021-07', label: 'Jul 2021' });
    expect(zh.legends.stage.find((s) => s.key === 'operating')?.label).toBe('运营');
    expect(en.legends.sector.find((s) => s.key === 'herding')?.label).toBe('herding');
    expect(en.legends.stage.at(-1)).toMatchObject({ key: 'none', label: null });
    expect(byCode(zh.villages, '150627101201').fundsText).toBe('约200万元');
    expect(byCode(en.villages, '150627101201').fundsText).toBe('about CNY 2 million');
    // Tianditu's labels come as a Chinese or an English layer on top of the base map.
    expect(zh.tiles.layers.map((l) => /LAYER=(\w+)/.exec(l.url)?.[1])).toEqual(['vec', 'cva']);
    expect(en.tiles.layers.map((l) => /LAYER=(\w+)/.exec(l.url)?.[1])).toEqual(['vec', 'eva']);
    expect(zh.attribution.text).toContain('CC BY 4.0');
    expect(en.tiles.attribution?.text).toContain('Tianditu');
  });

  test('gives every band of the funds legend a colour class and the top band the darkest', () => {
    const { legends } = buildMapPayload({ records, tree, locale: 'zh-CN', tiles: resolveTileConfig({}) });
    expect(legends.funds[0]).toMatchObject({ key: 0, none: true });
    expect(legends.funds.at(-1)?.className).toBe('funds-4');
    expect(new Set(legends.funds.map((f) => f.className)).size).toBe(legends.funds.length);
  });
});
