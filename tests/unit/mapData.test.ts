import { describe, expect, test } from 'vitest';
import { buildPlaceTree } from '../../src/derive/aggregate.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import {
  buildMapPayload, buildMapVillages, fundsBin, fundsThresholds, prepareOutline, readOutline,
  simplifyRing, spreadAround, toClientPayload, toScriptJson, type LonLat, type MapVillage,
} from '../../src/derive/mapData.ts';
import type { Division, Fund, MonthlyReview, Pairing, Project, Records, Sourced, Village } from '../../src/read/tables.ts';
import { resolveTileConfig } from '../../src/config/tileConfig.ts';

/** Great-circle distance in metres, written independently of the module under test. */
function haversineMetres(a: LonLat, b: LonLat): number {
  const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = toRadians(b[1] - a[1]);
  const dLon = toRadians(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a[1])) * Math.cos(toRadians(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

const SEAT_A: LonLat = [109.77822, 39.248359]; // 札萨克镇 seat
const SEAT_B: LonLat = [110.200196, 39.289277]; // 乌兰木伦镇 seat
const SURVEYED: LonLat = [109.700427, 39.298672]; // 给勒登庙嘎查

let row = 1;
const sourced = <T,>(record: T): Sourced<T> => ({ ...record, row: (row += 1) });

const division = (code: string, name: string, seat?: LonLat): Sourced<Division> =>
  sourced({ code, name, name_en: undefined, seat_lon_wgs84: seat?.[0], seat_lat_wgs84: seat?.[1] });

const village = (code: string, name: string, point: LonLat, precision: Village['location_precision']): Sourced<Village> =>
  sourced({
    village_code: code, name, kind: 'village', lon_wgs84: point[0], lat_wgs84: point[1],
    location_precision: precision, location_source: undefined, name_en: undefined,
  });

const project = (id: string, villageCode: string, sector: Project['sector'], investmentFen: bigint, provenance?: Project['provenance']): Sourced<Project> =>
  sourced({
    project_id: id, village_code: villageCode, name: `项目${id}`, sector, investment_yuan: investmentFen,
    expected_annual_net_income_yuan: undefined, stage: 'construction', start_date: '2021-03-01', provenance, note: undefined,
  });

const fund = (id: string, villageCode: string, amountFen: bigint, provenance?: Fund['provenance']): Sourced<Fund> =>
  sourced({
    fund_id: id, date: '2021-05-01', village_code: villageCode, project_id: undefined, source_kind: 'government',
    source_name: '旗财政', amount_yuan: amountFen, provenance, note: undefined,
  });

const review = (month: string, villageCode: string, stage: MonthlyReview['stage'], incomeFen: bigint): Sourced<MonthlyReview> =>
  sourced({ month, village_code: villageCode, collective_income_yuan: incomeFen, stage, note: undefined, provenance: 'official' });

const pairing = (villageCode: string, unit: string, enterprise?: string): Sourced<Pairing> =>
  sourced({ village_code: villageCode, unit_name: unit, enterprise_name: enterprise, since: undefined, provenance: undefined, note: undefined });

function makeRecords(villages: Sourced<Village>[] = DEFAULT_VILLAGES): Records {
  return {
    edition: [sourced({ region_code: '150627', as_of: '2021-10-14', note: undefined })],
    divisions: [
      division('15', '内蒙古自治区'),
      division('150627', '伊金霍洛旗'),
      division('150627101', '札萨克镇', SEAT_A),
      division('150627102', '乌兰木伦镇', SEAT_B),
    ],
    villages,
    projects: [
      // Two small farming projects against one large herding one: the main sector follows the money.
      project('P1', '150627101201', 'farming', 100_000_00n),
      project('P2', '150627101201', 'farming', 200_000_00n),
      project('P3', '150627101201', 'herding', 2_600_000_00n, 'illustrative'),
      project('P4', '150627101212', 'commerce', 50_000_00n),
    ],
    funds: [
      fund('F1', '150627101201', 1_234_50n),
      fund('F2', '150627101201', 2_000_000_00n),
      fund('F3', '150627101212', 500_000_00n, 'official'),
    ],
    talent: [],
    pairings: [pairing('150627101201', '旗税务局', '电信公司'), pairing('150627102200', '旗气象局')],
    monthly: [
      review('2021-09', '150627101201', 'operating', 81_000_00n),
      review('2021-07', '150627101201', 'construction', 12_000_00n),
      review('2021-08', '150627101212', 'preliminary', 0n),
      review('2021-09', '150627101212', 'construction', 5_000_00n),
    ],
    reported: [],
  };
}

const DEFAULT_VILLAGES = [
  village('150627101201', '甲村', SEAT_A, 'town-seat'),
  village('150627101202', '乙村', SEAT_A, 'town-seat'),
  village('150627101203', '丙村', SEAT_A, 'town-seat'),
  village('150627101204', '丁村', SEAT_A, 'town-seat'),
  village('150627101205', '戊村', SEAT_A, 'town-seat'),
  village('150627101212', '给勒登庙嘎查', SURVEYED, 'surveyed'),
  village('150627102200', '<img src=x onerror=alert(1)>村', SEAT_B, 'town-seat'),
];

function mapVillages(records = makeRecords(), spreadMetres = 2000) {
  return buildMapVillages(records, buildPlaceTree(records), { locale: 'zh-CN', spreadMetres });
}
const byCode = (villages: MapVillage[], code: string): MapVillage => {
  const found = villages.find((v) => v.code === code);
  if (found === undefined) throw new Error(`no village ${code}`);
  return found;
};

describe('spreadAround', () => {
  test('puts nothing anywhere for no villages and a single village on the centre itself', () => {
    expect(spreadAround(SEAT_A, 0, 2000)).toEqual([]);
    expect(spreadAround(SEAT_A, 1, 2000)).toEqual([SEAT_A]);
  });

  test.each([2, 5, 28])('keeps %i villages within the radius and apart from each other', (count) => {
    const points = spreadAround(SEAT_A, count, 2000);
    expect(points).toHaveLength(count);
    for (const point of points) expect(haversineMetres(SEAT_A, point)).toBeLessThanOrEqual(2001);
    const gaps = points.flatMap((a, i) => points.slice(i + 1).map((b) => haversineMetres(a, b)));
    // Evenly filling a 2 km disc leaves each of 28 points roughly 650 m apart; 250 m is a safe floor.
    expect(Math.min(...gaps)).toBeGreaterThan(250);
  });

  test('grows with the radius it is given', () => {
    const far = (radius: number) => Math.max(...spreadAround(SEAT_A, 10, radius).map((p) => haversineMetres(SEAT_A, p)));
    expect(far(3000)).toBeGreaterThan(2500);
    expect(far(1500)).toBeLessThan(1501);
  });
});

describe('buildMapVillages: positions', () => {
  test('keeps a surveyed point exactly where it was stored and does not call it approximate', () => {
    const surveyed = byCode(mapVillages().villages, '150627101212');
    expect(surveyed.precision).toBe('surveyed');
    expect(surveyed.approximate).toBe(false);
    expect(surveyed.wgs84).toEqual(SURVEYED);
    expect(surveyed.display.wgs84).toEqual(SURVEYED);
  });

  test('spreads the villages stored at one town seat so no two share a point, and keeps their stored point', () => {
    const atSeat = mapVillages().villages.filter((v) => v.townCode === '150627101' && v.precision === 'town-seat');
    expect(atSeat).toHaveLength(5);
    for (const v of atSeat) {
      expect(v.approximate).toBe(true);
      expect(v.wgs84).toEqual(SEAT_A);
      expect(haversineMetres(SEAT_A, v.display.wgs84)).toBeLessThanOrEqual(2001);
    }
    expect(new Set(atSeat.map((v) => v.display.wgs84.join(','))).size).toBe(5);
  });

  test('spreads the same way whatever order the rows come in', () => {
    const shuffled = [...DEFAULT_VILLAGES].reverse();
    const positions = (villages: MapVillage[]) => villages.map((v) => [v.code, v.display.wgs84]);
    expect(positions(mapVillages(makeRecords(shuffled)).villages)).toEqual(positions(mapVillages().villages));
  });

  test('leaves the only town-seat village of a town on the seat, still marked approximate', () => {
    const alone = byCode(mapVillages().villages, '150627102200');
    expect(alone.display.wgs84).toEqual(SEAT_B);
    expect(alone.approximate).toBe(true);
  });

  test('gives GCJ-02 points about half a kilometre from their WGS-84 ones, as for this region', () => {
    for (const v of mapVillages().villages) {
      const shift = haversineMetres(v.wgs84, v.gcj02);
      expect(shift).toBeGreaterThan(300);
      expect(shift).toBeLessThan(800);
      expect(haversineMetres(v.display.wgs84, v.display.gcj02)).toBeGreaterThan(300);
    }
  });
});

describe('buildMapVillages: figures', () => {
  test('writes funds as an exact decimal string of yuan', () => {
    expect(byCode(mapVillages().villages, '150627101201').fundsYuan).toBe('2001234.5');
    expect(byCode(mapVillages().villages, '150627101203').fundsYuan).toBe('0');
  });

  test('picks the main sector by investment, not by number of projects', () => {
    const v = byCode(mapVillages().villages, '150627101201');
    expect(v.sectors).toEqual(['farming', 'herding']);
    expect(v.mainSector).toBe('herding');
    expect(v.projects).toBe(3);
    expect(byCode(mapVillages().villages, '150627101202').mainSector).toBeNull();
  });

  test('lists the review months oldest first and each village’s stage and income in that order', () => {
    const { months, villages } = mapVillages();
    expect(months).toEqual(['2021-07', '2021-08', '2021-09']);
    expect(byCode(villages, '150627101201').stageByMonth).toEqual(['construction', null, 'operating']);
    expect(byCode(villages, '150627101201').incomeByMonth).toEqual(['12000', null, '81000']);
    expect(byCode(villages, '150627101201').latestStage).toBe('operating');
    expect(byCode(villages, '150627101202').stageByMonth).toEqual([null, null, null]);
    expect(byCode(villages, '150627101202').latestStage).toBeNull();
  });

  test('names the town, the paired unit and enterprise, and the English name in pinyin', () => {
    const v = byCode(mapVillages().villages, '150627101201');
    expect([v.townName, v.townNameEn, v.unit, v.enterprise]).toEqual(['札萨克镇', 'Zhasake Town', '旗税务局', '电信公司']);
    expect(byCode(mapVillages().villages, '150627101212').nameEn).toBe('Geiledengmiao Gacha');
    expect(byCode(mapVillages().villages, '150627102200').enterprise).toBeNull();
  });

  test('flags a village when any of its rows is illustrative, and only then', () => {
    expect(byCode(mapVillages().villages, '150627101201').illustrative).toBe(true);
    expect(byCode(mapVillages().villages, '150627101212').illustrative).toBe(false);
  });

  test('sizes by the square root of funds, largest at 1', () => {
    const { villages } = mapVillages();
    expect(byCode(villages, '150627101201').fundsScale).toBe(1);
    // 500,000 of 2,001,234.50 yuan: √0.2498… ≈ 0.5
    expect(byCode(villages, '150627101212').fundsScale).toBeCloseTo(0.5, 2);
    expect(byCode(villages, '150627101203').fundsScale).toBe(0);
  });

  test('lists towns with their seat and number of villages', () => {
    const { towns } = mapVillages();
    expect(towns.map((t) => [t.code, t.villages, t.seat?.wgs84])).toEqual([
      ['150627101', 6, SEAT_A],
      ['150627102', 1, SEAT_B],
    ]);
  });
});

describe('funds bands', () => {
  test('puts no-funds villages in band 0 and splits the rest at rounded quartiles', () => {
    const fen = [0n, 100_00n, 200_00n, 300_00n, 400_00n, 500_00n, 600_00n, 700_00n, 800_00n];
    const limits = fundsThresholds(fen);
    expect(limits).toEqual([300_00n, 500_00n, 700_00n]);
    expect(fen.map((f) => fundsBin(f, limits))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  test('rounds limits down to two significant digits', () => {
    expect(fundsThresholds([1_000_00n, 1_234_567_89n, 2_345_678_91n, 3_456_789_12n])).toEqual([1_200_000_00n, 2_300_000_00n, 3_400_000_00n]);
  });

  test('needs no limits when no village has funds, and one band when all have the same', () => {
    expect(fundsThresholds([0n, 0n])).toEqual([]);
    expect(fundsThresholds([500n, 500n, 500n])).toEqual([]);
  });
});

describe('outline', () => {
  const square: LonLat[] = [[109, 39], [109.5, 39], [110, 39], [110, 39.5], [110, 40], [109, 40], [109, 39]];

  test('drops vertices that lie on a straight edge and keeps the corners', () => {
    expect(simplifyRing(square, 100)).toEqual([[109, 39], [110, 39], [110, 40], [109, 40], [109, 39]]);
  });

  test('keeps a bump larger than the tolerance', () => {
    const bumped: LonLat[] = [[109, 39], [109.5, 38.99], [110, 39], [110, 40], [109, 40], [109, 39]];
    expect(simplifyRing(bumped, 100)).toContainEqual([109.5, 38.99]);
    expect(simplifyRing(bumped, 2000)).not.toContainEqual([109.5, 38.99]);
  });

  test('reads polygons from a FeatureCollection and refuses a file without any', () => {
    const collection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square] } }] };
    expect(readOutline(collection).coordinates).toEqual([[square]]);
    expect(() => readOutline({ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] } })).toThrow(/Polygon/);
  });

  test('rounds to five decimals and merges vertices that rounding made equal', () => {
    const ring: LonLat[] = [[109, 39], [109.000001, 39.000001], [110, 39], [110, 40], [109, 39]];
    expect(prepareOutline({ type: 'MultiPolygon', coordinates: [[ring]] }, 0).coordinates[0]![0]).toEqual([[109, 39], [110, 39], [110, 40], [109, 39]]);
  });
});

describe('buildMapPayload', () => {
  const records = makeRecords();
  const tree = buildPlaceTree(records);
  const outlineWgs84 = { type: 'Polygon', coordinates: [[[109, 39], [110.5, 39], [110.5, 40], [109, 40], [109, 39]]] };

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
    const published = { type: 'Polygon', coordinates: [[[109.1, 39.1], [110.6, 39.1], [110.6, 40.1], [109.1, 40.1], [109.1, 39.1]]] };
    const amap = buildMapPayload({ records, tree, locale: 'en', tiles: resolveTileConfig({ MAP_TILES: 'amap' }), outline: { wgs84: outlineWgs84, gcj02: published } });
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

describe('toScriptJson', () => {
  test('cannot close its script element and reads back unchanged', () => {
    const value = { name: '</script><img src=x onerror=alert(1)>村' };
    const json = toScriptJson(value);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('toClientPayload', () => {
  const records = makeRecords();
  const tree = buildPlaceTree(records);
  const build = (locale: Locale, MAP_TILES?: string) =>
    buildMapPayload({ records, tree, locale, tiles: resolveTileConfig({ MAP_TILES }) });

  test('gives each village its drawn and stored point in the payload’s coordinate system only', () => {
    for (const tiles of [undefined, 'amap']) {
      const payload = build('zh-CN', tiles);
      const client = toClientPayload(payload);
      for (const [i, v] of client.villages.entries()) {
        const full = payload.villages[i]!;
        expect(v.point).toEqual(full.display[payload.crs]);
        expect(v.stored).toEqual(full[payload.crs]);
        expect(Object.keys(v)).not.toContain('incomeByMonth');
        expect(Object.keys(v)).not.toContain('display');
      }
    }
  });

  test('carries no English name on a Chinese page, and pinyin on an English one', () => {
    const zh = toClientPayload(build('zh-CN'));
    const en = toClientPayload(build('en'));
    expect(JSON.stringify(zh)).not.toMatch(/Village|Town/);
    expect(en.villages.find((v) => v.code === '150627101212')?.nameEn).toBe('Geiledengmiao Gacha');
    expect(en.towns[0]?.nameEn).toBe('Zhasake Town');
  });
});
