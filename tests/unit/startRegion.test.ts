/**
 * The pure part of init-region (src/derive/startRegion.ts) on small made-up inputs: the location
 * chain and what each row says of its point, the divisions and their seats, the region code check,
 * the outline read from TopoJSON, and where the map opens.
 */
import { describe, expect, it } from 'vitest';
import { geoContains } from 'd3-geo';
import type { Topology } from 'topojson-specification';
import { checkRegionCode, mapViewOf, outlineLevelOf, regionOutlineFrom, startRegion, type KnownPoint } from '../../src/derive/startRegion.ts';
import { formatRegionConfig, parseRegionConfig, tilesSetting } from '../../src/model/regionConfig.ts';
import { rewindForD3 } from '../../src/model/regionOutline.ts';

const NAMES = new Map([
  ['15', '内蒙古自治区'],
  ['1506', '鄂尔多斯市'],
  ['150626', '乌审旗'],
  ['150626100', '嘎鲁图镇'],
  ['150626200', '苏力德苏木'],
  ['150626300', '某镇'],
]);
const seat = (lon: number, lat: number, source = 'S'): KnownPoint => ({ lon, lat, source });

describe('startRegion places each village by the first point it has', () => {
  const base = {
    regionCode: '150626',
    names: NAMES,
    listVillages: [
      { code: '150626100001', name: '萨拉乌素社区居民委员会' },
      { code: '150626100200', name: '斯布扣嘎查村委员会' },
      { code: '150626100201', name: '达布察克村民委员会' },
      { code: '150626100202', name: '神水台村民委员会' },
      { code: '150626200200', name: '沙尔利格嘎查村委员会' },
      { code: '150626300200', name: '某村村委会' },
    ],
    seats: new Map([
      ['150626', seat(108.8, 38.6, 'county source')],
      ['150626100', seat(108.84, 38.6, 'town source')],
    ]),
    villagePoints: new Map([
      ['150626100200', { ...seat(108.9, 38.7, 'village source'), listName: '斯布扣嘎查村委员会' }],
      // The code's point is of another name: a code the list gave to another village since.
      ['150626100201', { ...seat(109, 38, 'stale'), listName: '别的村村民委员会' }],
    ]),
  };

  it('own point, then town seat, then county seat, each with precision and source', () => {
    const { villages, placed, unplaced } = startRegion(base);
    expect(villages.map((v) => [v.code, v.name, v.kind, v.precision, v.point])).toEqual([
      ['150626100200', '斯布扣嘎查', 'gacha', 'surveyed', seat(108.9, 38.7, 'village source')],
      ['150626100201', '达布察克村', 'village', 'town-seat', seat(108.84, 38.6, '嘎鲁图镇政府驻地 (town seat), town source')],
      ['150626100202', '神水台村', 'village', 'town-seat', seat(108.84, 38.6, '嘎鲁图镇政府驻地 (town seat), town source')],
      ['150626200200', '沙尔利格嘎查', 'gacha', 'county-seat', seat(108.8, 38.6, '乌审旗政府驻地 (county seat), county source')],
      ['150626300200', '某村', 'village', 'county-seat', seat(108.8, 38.6, '乌审旗政府驻地 (county seat), county source')],
    ]);
    expect(placed).toEqual({ surveyed: 1, 'town-seat': 2, 'county-seat': 2, 'city-seat': 0 });
    expect(unplaced).toEqual([]);
  });

  it('writes the seat of every town, and of a county only when a village waits there', () => {
    const { divisions } = startRegion(base);
    expect(divisions.map((d) => [d.code, d.nameEn, d.seat?.source])).toEqual([
      ['15', 'Inner Mongolia Autonomous Region', undefined],
      ['1506', 'Ordos', undefined],
      ['150626', 'Uxin Banner', 'county source'],
      ['150626100', undefined, 'town source'],
      ['150626200', undefined, undefined],
      ['150626300', undefined, undefined],
    ]);
    const townsOnly = startRegion({ ...base, listVillages: base.listVillages.slice(0, 4) });
    expect(townsOnly.divisions.find((d) => d.code === '150626')?.seat).toBeUndefined();
  });

  it("places a village of a county with no seat (a development zone newer than the points) at its city's seat", () => {
    const names = new Map([...NAMES, ['150671', '鄂尔多斯高新技术产业开发区'], ['150671100', '某街道']]);
    const { villages, divisions } = startRegion({
      ...base,
      regionCode: '1506',
      names,
      listVillages: [{ code: '150671100200', name: '某村村民委员会' }],
      seats: new Map([['1506', seat(109.78, 39.61, 'city source')]]),
    });
    expect(villages.map((v) => [v.code, v.name, v.precision, v.point])).toEqual([
      ['150671100200', '某村', 'city-seat', seat(109.78, 39.61, '鄂尔多斯市政府驻地 (city seat), city source')],
    ]);
    expect(divisions.find((d) => d.code === '1506')?.seat?.source).toBe('city source');
    expect(divisions.map((d) => d.code)).toEqual(['15', '1506', '150671', '150671100']);
  });

  it('lists a village with no point and no seat above it as unplaced, never guessing', () => {
    const { villages, unplaced } = startRegion({ ...base, seats: new Map([['150626100', seat(108.84, 38.6)]]) });
    expect(unplaced).toEqual(['150626200200 沙尔利格嘎查', '150626300200 某村']);
    expect(villages.map((v) => v.code)).toEqual(['150626100200', '150626100201', '150626100202']);
  });
});

describe('checkRegionCode', () => {
  it('accepts a code of the list and names the nearest valid parent of one that is not', () => {
    expect(checkRegionCode('150626', NAMES)).toBeUndefined();
    expect(checkRegionCode('150626999', NAMES)).toEqual({ code: '150626999', nearest: { code: '150626', name: '乌审旗' } });
    expect(checkRegionCode('150699', NAMES)).toEqual({ code: '150699', nearest: { code: '1506', name: '鄂尔多斯市' } });
    expect(checkRegionCode('16', NAMES)).toEqual({ code: '16' });
  });
});

describe('the region outline', () => {
  // Two unit squares side by side, quantized: 150626 the western, 150627 the eastern.
  const topology: Topology = {
    type: 'Topology',
    transform: { scale: [0.001, 0.001], translate: [108, 38] },
    objects: {
      county: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', arcs: [[0, 1]], properties: { code: '150626', level: 'county' } },
          { type: 'Polygon', arcs: [[2, -1]], properties: { code: '150627', level: 'county' } },
        ],
      },
    },
    arcs: [
      [
        [1000, 0],
        [0, 1000],
      ],
      [
        [1000, 1000],
        [-1000, 0],
        [0, -1000],
        [1000, 0],
      ],
      [
        [1000, 0],
        [1000, 0],
        [0, 1000],
        [-1000, 0],
      ],
    ],
  };

  it('is the feature of its code, in GCJ-02 as published and in WGS-84 some 500 m west', () => {
    const outline = regionOutlineFrom(topology, '150626', 'county')!;
    expect(outline.gcj02.features[0]!.geometry.coordinates[0]![0]).toEqual(
      expect.arrayContaining([
        [109, 38],
        [108, 39],
      ]),
    );
    const wgs = rewindForD3(outline.wgs84.features[0]!.geometry);
    expect(geoContains(wgs, [108.5, 38.5])).toBe(true);
    expect(geoContains(wgs, [109.5, 38.5])).toBe(false);
    const [lon] = outline.wgs84.features[0]!.geometry.coordinates[0]![0]![0]!;
    expect(109 - lon!).toBeGreaterThan(0.003);
    expect(regionOutlineFrom(topology, '150699', 'county')).toBeUndefined();
  });

  it("of a town is its county's; of a city or province its own", () => {
    expect(outlineLevelOf('150626101')).toEqual({ code: '150626', level: 'county' });
    expect(outlineLevelOf('1506')).toEqual({ code: '1506', level: 'city' });
    expect(outlineLevelOf('15')).toEqual({ code: '15', level: 'province' });
  });
});

describe('mapViewOf', () => {
  it('centres the box and picks the largest whole zoom that fits it', () => {
    // A degree by a degree on an 800 × 500 map: at zoom 9 it is 364 px wide and 465 px high (1° of
    // latitude at 38.5° N is 1.28 times 1° of longitude on the Mercator map); at zoom 10 it would not fit.
    expect(
      mapViewOf([
        [108, 38],
        [109, 39],
      ]),
    ).toEqual({ centre: [108.5, 38.5], zoom: 9 });
    // Ten times wider: the width decides, three zoom levels out.
    expect(
      mapViewOf([
        [100, 38],
        [110, 39],
      ]).zoom,
    ).toBe(6);
    expect(mapViewOf([[109, 39]])).toEqual({ centre: [109, 39], zoom: 14 });
    expect(() => mapViewOf([])).toThrow();
  });
});

describe('region.json', () => {
  const config = {
    code: '150626',
    name: { zh: '乌审旗', en: 'Uxin Banner' },
    site: { base: '/' },
    languages: ['zh-CN' as const, 'en' as const],
    map: { centre: [108.98, 38.52] as [number, number], zoom: 8, tiles: 'none' as const },
    reconciliation: 'lenient' as const,
  };

  it('reads back what it wrote, and says what is wrong with a bad one in both languages', () => {
    expect(parseRegionConfig(formatRegionConfig(config))).toEqual({ config });
    const bad = parseRegionConfig(JSON.stringify({ ...config, map: { ...config.map, tiles: 'google' } }));
    expect('problem' in bad && bad.problem.zh).toContain('map.tiles');
    expect('problem' in bad && bad.problem.en).toContain('map.tiles');
    expect('problem' in parseRegionConfig('{')).toBe(true);
  });

  it('names the default tiles, which MAP_TILES overrides', () => {
    const osm = { ...config, map: { ...config.map, tiles: 'osm' as const } };
    expect(tilesSetting(undefined, osm)).toBe('osm');
    expect(tilesSetting('', osm)).toBe('osm');
    expect(tilesSetting('amap', osm)).toBe('amap');
    expect(tilesSetting(undefined, undefined)).toBeUndefined();
  });
});
