/**
 * The static map: its layout (pure), its accessible description, the StaticMap component's SVG
 * (snapshot), and the agreement between the colours in TypeScript and in map.css.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { propertyRuns } from '../support/propertyRuns.ts';
import { describeMap, layOutMap, type MapLayoutInput } from '../../src/charts/layOutMap.ts';
import { FUNDS_COLORS, SECTOR_COLORS, STAGE_COLORS } from '../../src/format/palette.ts';
import type { MapPayload } from '../../src/derive/map/buildMapPayload.ts';
import type { LonLat } from '../../src/derive/map/geodesy.ts';
import { buildLegends } from '../../src/derive/map/legends.ts';
import type { MapVillage } from '../../src/derive/map/mapVillages.ts';
import { spreadInPixels } from '../../src/derive/map/sunflower.ts';
import { townOf } from '../../src/model/divisionCode.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import type { StaticMapLabels } from '../../src/charts/mapLabels.ts';

const SEAT: LonLat = [109.77822, 39.248359];

function village(code: string, overrides: Partial<MapVillage> = {}): MapVillage {
  const point = overrides.wgs84 ?? SEAT;
  return {
    code,
    name: `村${code.slice(-3)}`,
    nameEn: `Cun${code.slice(-3)} Village`,
    townCode: townOf(code),
    townName: '札萨克镇',
    townNameEn: 'Zhasake Town',
    wgs84: point,
    gcj02: point,
    precision: 'surveyed',
    display: { wgs84: point, gcj02: point },
    approximate: false,
    fundsYuan: '0',
    fundsText: '—',
    fundsScale: 0,
    fundsBin: 0,
    projects: 0,
    sectors: [],
    mainSector: null,
    latestStage: null,
    stageByMonth: [],
    incomeByMonth: [],
    unit: null,
    enterprise: null,
    illustrative: false,
    ...overrides,
  };
}

/** Three villages stored at the seat (display points 1 km apart at most), and two surveyed ones. */
const atSeat = (code: string, display: LonLat, overrides: Partial<MapVillage> = {}) =>
  village(code, { precision: 'town-seat', approximate: true, display: { wgs84: display, gcj02: display }, ...overrides });

const VILLAGES: MapVillage[] = [
  atSeat('150627101201', [109.779, 39.2484], { fundsYuan: '2600000', latestStage: 'operating' }),
  atSeat('150627101202', [109.7775, 39.249], { fundsYuan: '650000', latestStage: 'construction' }),
  atSeat('150627101203', [109.778, 39.2478], { latestStage: 'operating' }),
  village('150627101212', {
    wgs84: [109.700427, 39.298672],
    display: { wgs84: [109.700427, 39.298672], gcj02: [109.700427, 39.298672] },
    fundsYuan: '10400000',
    latestStage: 'planning',
  }),
  village('150627101216', {
    wgs84: [109.613252, 39.027912],
    display: { wgs84: [109.613252, 39.027912], gcj02: [109.613252, 39.027912] },
    fundsYuan: '100',
    latestStage: null,
  }),
];

// Counterclockwise, as RFC 7946 winds an exterior ring (d3 would read it as the rest of the world).
const RING: LonLat[] = [
  [109.5, 38.95],
  [110.0, 38.95],
  [110.0, 39.35],
  [109.5, 39.35],
  [109.5, 38.95],
];
const outline = (ring: LonLat[]): MapLayoutInput['outline'] => ({ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[ring]] } });

const INPUT: MapLayoutInput = {
  crs: 'wgs84',
  outline: outline(RING),
  villages: VILLAGES,
  towns: [{ code: '150627101', seat: { wgs84: SEAT, gcj02: SEAT } }],
};

/** Every number in an SVG path string. */
const pathNumbers = (path: string): number[] => (path.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

describe('layOutMap', () => {
  const layout = layOutMap(INPUT, { width: 400, height: 320, padding: 8, radius: [3, 9] });
  const point = (code: string) => layout.points.find((p) => p.code === code)!;

  test('fits the outline to the frame, touching it on one axis', () => {
    const numbers = pathNumbers(layout.outlinePath);
    const xs = numbers.filter((_, i) => i % 2 === 0);
    const ys = numbers.filter((_, i) => i % 2 === 1);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(400);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ys)).toBeLessThanOrEqual(320);
    const spanX = Math.max(...xs) - Math.min(...xs);
    const spanY = Math.max(...ys) - Math.min(...ys);
    // Inset by padding and the largest radius: 400 − 2 × (8 + 9) = 366 wide, 320 − 34 = 286 tall.
    expect(Math.max(spanX / 366, spanY / 286)).toBeCloseTo(1, 2);
  });

  test('draws an outline wound either way as the same shape, not the whole world', () => {
    const reversed = layOutMap({ ...INPUT, outline: outline([...RING].reverse()) }, { width: 400, height: 320, padding: 8, radius: [3, 9] });
    const sorted = (path: string) => pathNumbers(path).sort((a, b) => a - b);
    expect(sorted(reversed.outlinePath)).toEqual(sorted(layout.outlinePath));
  });

  test('sizes circles by the square root of funds between the two radii', () => {
    expect(point('150627101212').r).toBe(9); // the most funds
    expect(point('150627101203').r).toBe(3); // none
    // 650,000 is a sixteenth of 10,400,000: the radius goes a quarter of the way, 3 + 6 / 4.
    expect(point('150627101202').r).toBe(4.5);
  });

  test('keeps surveyed villages in their geographic order', () => {
    const north = point('150627101212'); // 39.30° N, 109.70° E
    const south = point('150627101216'); // 39.03° N, 109.61° E
    expect(north.y).toBeLessThan(south.y);
    expect(north.x).toBeGreaterThan(south.x);
    expect(north.approximate).toBe(false);
    expect(north.className).toBe('map-point stage-planning surveyed');
  });

  test('spreads the villages at a town seat until no two circles overlap, and marks them approximate', () => {
    const spread = layout.points.filter((p) => p.approximate);
    expect(spread).toHaveLength(3);
    for (const [i, a] of spread.entries()) {
      for (const b of spread.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.r + b.r);
    }
    expect(point('150627101201').className).toBe('map-point stage-operating approximate');
  });

  test('colours by the latest stage and gives a village without reviews its own class', () => {
    expect(point('150627101202').color).toBe(STAGE_COLORS.construction);
    expect(point('150627101216')).toMatchObject({ stage: 'none', color: STAGE_COLORS.none });
  });

  test('rounds every coordinate to a tenth of a pixel', () => {
    const numbers = [
      ...pathNumbers(layout.outlinePath),
      ...layout.points.flatMap((p) => [p.x, p.y, p.r]),
      ...layout.seats.flatMap((s) => [s.x, s.y, s.labelY]),
    ];
    for (const n of numbers) expect(Math.round(n * 10) / 10).toBe(n);
  });

  test('draws the highlighted village last and larger', () => {
    const highlighted = layOutMap(INPUT, { width: 400, height: 320, highlight: '150627101203', radius: [3, 9] });
    expect(highlighted.points.at(-1)).toMatchObject({ code: '150627101203', r: 5, highlighted: true });
    expect(highlighted.points.at(-1)?.className).toContain('highlighted');
  });

  test('takes its height from the outline’s shape on the Mercator map when none is given', () => {
    // 0.5° of longitude by 0.4° of latitude at 39° N: on Mercator, latitude stretches by about sec 39°.
    const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    const expected = (400 * (mercatorY(39.35) - mercatorY(38.95))) / ((0.5 * Math.PI) / 180);
    const auto = layOutMap(INPUT, { width: 400, padding: 0, radius: [3, 9] });
    expect(Math.abs(auto.height - expected)).toBeLessThanOrEqual(1);
  });

  test('fits the villages when there is no outline, and centres a lone village', () => {
    const noOutline = layOutMap({ ...INPUT, outline: null }, { width: 400, height: 300 });
    expect(noOutline.outlinePath).toBe('');
    for (const p of noOutline.points) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(400);
    }
    const lone = layOutMap({ crs: 'wgs84', outline: null, villages: [VILLAGES[3]!] }, { width: 400, height: 300 });
    expect([lone.points[0]!.x, lone.points[0]!.y]).toEqual([200, 150]);
  });

  test('puts each town’s name above its cluster', () => {
    const seat = layout.seats[0]!;
    const cluster = layout.points.filter((p) => p.approximate);
    expect(seat.labelY).toBeLessThan(Math.min(...cluster.map((p) => p.y - p.r)));
  });
});

/** Every circle of a layout lies inside its frame (rounded to a tenth of a pixel). */
function expectInsideFrame(layout: ReturnType<typeof layOutMap>) {
  for (const p of layout.points) {
    expect(p.x - p.r, p.code).toBeGreaterThanOrEqual(-0.1);
    expect(p.y - p.r, p.code).toBeGreaterThanOrEqual(-0.1);
    expect(p.x + p.r, p.code).toBeLessThanOrEqual(layout.width + 0.1);
    expect(p.y + p.r, p.code).toBeLessThanOrEqual(layout.height + 0.1);
  }
}

describe('layOutMap on a town’s map (fitted to points)', () => {
  const town = (villages: MapVillage[], seat: LonLat | null): MapLayoutInput => ({
    crs: 'wgs84',
    outline: outline(RING),
    villages,
    towns: seat === null ? [] : [{ code: '150627101', seat: { wgs84: seat, gcj02: seat } }],
    fit: [...villages.map((v) => v.display.wgs84), ...(seat === null ? [] : [seat])],
  });

  test('keeps 26 villages spread around their seat inside the frame beside one surveyed 40 km away (屯垦队镇, 15)', () => {
    const cluster = Array.from({ length: 26 }, (_, i) => {
      const angle = i * 2.4;
      const display: LonLat = [SEAT[0] + 0.02 * Math.cos(angle) * Math.sqrt(i / 26), SEAT[1] + 0.015 * Math.sin(angle) * Math.sqrt(i / 26)];
      return atSeat(`150627101${String(201 + i)}`, display, { fundsYuan: String(100_000 * ((i * 7) % 13)) });
    });
    const far = village('150627101250', { wgs84: [110.25, 39.02], display: { wgs84: [110.25, 39.02], gcj02: [110.25, 39.02] }, fundsYuan: '300000' });
    const layout = layOutMap(town([...cluster, far], SEAT), { width: 420 });
    expectInsideFrame(layout);
  });

  test('keeps two villages stored at a county seat, with no seat of their own, inside the frame (达尔罕街道, 15)', () => {
    const countySeat: LonLat = [118.658762, 43.532229];
    const stored = { wgs84: countySeat, gcj02: countySeat, precision: 'county-seat' as const };
    const villages = [
      atSeat('150627101202', [118.681956, 43.521533], { ...stored, fundsYuan: '900000' }),
      atSeat('150627101209', [118.651004, 43.553151], { ...stored, fundsYuan: '700000' }),
    ];
    const layout = layOutMap(town(villages, null), { width: 420 });
    expectInsideFrame(layout);
  });

  test('draws surveyed villages the source puts on one point side by side, still as surveyed (150402004, 15)', () => {
    const point: LonLat = [109.7, 39.3];
    const same = (code: string) => village(code, { wgs84: point, gcj02: point, display: { wgs84: point, gcj02: point }, fundsYuan: '500000' });
    const layout = layOutMap(town([same('150627101201'), same('150627101202'), same('150627101203')], null), { width: 420 });
    const points = layout.points;
    for (const p of points) for (const q of points) if (p !== q) expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThanOrEqual(p.r + q.r);
    expect(layout.points.every((p) => !p.approximate && p.className.includes('surveyed'))).toBe(true);
    expectInsideFrame(layout);
  });

  test('keeps every circle inside the frame for any clusters and surveyed villages (seeded)', () => {
    const offset = fc.tuple(fc.double({ min: -0.05, max: 0.05, noNaN: true }), fc.double({ min: -0.05, max: 0.05, noNaN: true }));
    const arbitrary = fc.record({
      clusters: fc.array(fc.record({ at: offset, spread: fc.double({ min: 0, max: 0.03, noNaN: true }), size: fc.integer({ min: 1, max: 20 }) }), {
        minLength: 1,
        maxLength: 4,
      }),
      surveyed: fc.array(fc.tuple(fc.double({ min: -0.6, max: 0.6, noNaN: true }), fc.double({ min: -0.4, max: 0.4, noNaN: true })), { maxLength: 5 }),
      funds: fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 8 }),
      withSeat: fc.boolean(),
      width: fc.integer({ min: 240, max: 720 }),
    });
    fc.assert(
      fc.property(arbitrary, ({ clusters, surveyed, funds, withSeat, width }) => {
        let n = 0;
        const fundsOf = () => String(funds[n % funds.length]);
        const villages: MapVillage[] = [];
        for (const cluster of clusters) {
          const centre: LonLat = [SEAT[0] + cluster.at[0], SEAT[1] + cluster.at[1]];
          for (let i = 0; i < cluster.size; i++, n++) {
            const angle = i * 2.4;
            const display: LonLat = [centre[0] + cluster.spread * Math.cos(angle), centre[1] + cluster.spread * Math.sin(angle)];
            villages.push(atSeat(`1506271012${String(n).padStart(2, '0')}`, display, { wgs84: centre, gcj02: centre, fundsYuan: fundsOf() }));
          }
        }
        for (const [dx, dy] of surveyed) {
          const point: LonLat = [SEAT[0] + dx, SEAT[1] + dy];
          villages.push(village(`1506271013${String(n).padStart(2, '0')}`, { wgs84: point, display: { wgs84: point, gcj02: point }, fundsYuan: fundsOf() }));
          n++;
        }
        const input = town(villages, withSeat ? SEAT : null);
        expectInsideFrame(layOutMap(input, { width }));
      }),
      propertyRuns(40),
    );
  });
});

describe('spreadInPixels', () => {
  test('leaves a single circle on the centre', () => {
    expect(spreadInPixels([5], 10)).toEqual([[0, 0]]);
  });

  test.each([[2], [7], [28]])('keeps %i circles apart by at least a pixel', (count) => {
    const radii = Array.from({ length: count }, (_, i) => 3 + (i % 4));
    const offsets = spreadInPixels(radii, 2);
    for (let i = 0; i < count; i += 1) {
      for (let j = i + 1; j < count; j += 1) {
        expect(Math.hypot(offsets[i]![0] - offsets[j]![0], offsets[i]![1] - offsets[j]![1])).toBeGreaterThanOrEqual(radii[i]! + radii[j]! + 1);
      }
    }
  });

  test('keeps a spread that is already wide enough', () => {
    const offsets = spreadInPixels([2, 2, 2], 100);
    expect(Math.max(...offsets.map(([x, y]) => Math.hypot(x, y)))).toBeLessThanOrEqual(100);
    expect(Math.max(...offsets.map(([x, y]) => Math.hypot(x, y)))).toBeGreaterThan(80);
  });
});

const ZH_LABELS: StaticMapLabels = {
  title: '{region}嘎查村进展地图',
  description: '{region}共{count}个嘎查村，按最新调度进展着色：{stages}。其中{approximate}个暂放在镇政府驻地附近，位置为示意。',
  stageCount: '{stage}{count}个',
  listSeparator: '、',
  noStage: '暂无调度',
  legendTitle: '图例',
  surveyed: '实测位置',
  approximate: '{seat}附近（示意位置，已错开）',
  seats: { 'town-seat': '镇政府驻地', 'county-seat': '县政府驻地', 'city-seat': '市政府驻地' },
  townSeat: '镇政府驻地',
  sizeNote: '圆越大，落实资金越多',
  pointTitle: '{name}（{town}）：{stage}，落实资金{funds}{precision}',
  approximateShort: '（示意位置）',
  highlighted: '本村',
  fundsNone: '没有资金',
  fundsBelow: '{max}以下',
  fundsBetween: '{min}至{max}',
  fundsAtLeast: '{min}及以上',
  areaDescription: '地图按{kind}显示{region}：{areas}个{kind}，共{count}个嘎查村。',
  areaTitle: '{name}：{villages}个嘎查村，资金{funds}',
  areaLegendTitle: '图例：资金合计',
  areaNote: '嘎查村见各地页面。',
};

const EN_LABELS: StaticMapLabels = {
  title: 'Villages of {region} and their progress',
  description: '{count} villages of {region} by the stage of their latest review: {stages}. {approximate} are drawn near their town seat.',
  stageCount: '{count} {stage}',
  listSeparator: ', ',
  noStage: 'no review yet',
  legendTitle: 'Legend',
  surveyed: 'surveyed location',
  approximate: 'near the {seat} (approximate, spread out)',
  seats: { 'town-seat': 'town seat', 'county-seat': 'county seat', 'city-seat': 'city seat' },
  townSeat: 'town seat',
  sizeNote: 'larger circle: more funds',
  pointTitle: '{name} ({town}): {stage}, funds {funds}{precision}',
  approximateShort: ' (approximate position)',
  highlighted: 'this village',
  fundsNone: 'no funds',
  fundsBelow: 'below {max}',
  fundsBetween: '{min} to {max}',
  fundsAtLeast: '{min} or more',
  areaDescription: '{region} by {kind}: {areas} of them, {count} villages.',
  areaTitle: '{name}: {villages} villages, funds {funds}',
  areaLegendTitle: 'Legend: funds in total',
  areaNote: 'Villages are on each area’s page.',
};

describe('describeMap', () => {
  const stageLabels = { planning: '谋划', preliminary: '前期手续', construction: '在建', operating: '运营', suspended: '暂停', none: '暂无调度' };

  test('counts villages by stage, most common first, leaving out stages no village is at', () => {
    const text = describeMap({ regionName: '伊金霍洛旗', villages: VILLAGES, stageLabels }, ZH_LABELS, String);
    expect(text).toBe('伊金霍洛旗共5个嘎查村，按最新调度进展着色：运营2个、谋划1个、在建1个、暂无调度1个。其中3个暂放在镇政府驻地附近，位置为示意。');
  });
});

describe('map.css', () => {
  const css = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'styles', 'map.css'), 'utf8');
  const colorOf = (className: string): string | undefined => new RegExp(`\\.${className}\\s*\\{\\s*color:\\s*(#[0-9a-f]{6});\\s*\\}`).exec(css)?.[1];

  test.each([
    ...Object.entries(STAGE_COLORS).map(([key, color]) => [`stage-${key}`, color]),
    ...Object.entries(SECTOR_COLORS).map(([key, color]) => [`sector-${key}`, color]),
    ...FUNDS_COLORS.map((color, index) => [`funds-${index}`, color]),
  ])('colours .%s as the payload’s legend says (%s)', (className, color) => {
    expect(colorOf(className)).toBe(color);
  });

  test('has a class for every legend entry of every metric', () => {
    const legends = buildLegends([0n, 100n, 200n, 300n, 400n, 500n], 'en');
    for (const entry of [...legends.stage, ...legends.sector, ...legends.funds]) expect(colorOf(entry.className)).toBe(entry.color);
  });
});

describe('StaticMap component', () => {
  let container: AstroContainer;
  let StaticMap: AstroComponentFactory;
  beforeAll(async () => {
    container = await AstroContainer.create();
    // Imported by a computed path: plain `tsc` has no type declarations for .astro modules.
    const name = 'StaticMap';
    StaticMap = ((await import(`../../src/components/map/${name}.astro`)) as { default: AstroComponentFactory }).default;
  });

  const payload = (locale: Locale, villages = VILLAGES): MapPayload => ({
    locale,
    crs: 'wgs84',
    regionCode: '150627',
    regionName: locale === 'en' ? 'Ejin Horo Banner' : '伊金霍洛旗',
    months: [],
    towns: [{ code: '150627101', name: '札萨克镇', nameEn: 'Zhasake Town', seat: { wgs84: SEAT, gcj02: SEAT }, villages: villages.length }],
    villages,
    outline: outline(RING),
    areas: [],
    fit: null,
    legends: buildLegends(
      villages.map((v) => BigInt(v.fundsYuan) * 100n),
      locale,
    ),
    tiles: { provider: 'none', layers: [], attribution: null },
    attribution: { text: 'Vonng/adcode (CC BY 4.0)', href: 'https://github.com/Vonng/adcode' },
  });
  const render = (props: Record<string, unknown>) => container.renderToString(StaticMap, { props });
  const readable = (html: string): string => `${html.replace(/>\s*</g, '>\n<').trim()}\n`;

  test('renders the same SVG as the committed snapshot', async () => {
    const html = await render({ locale: 'zh-CN', payload: payload('zh-CN'), labels: ZH_LABELS, width: 400, highlight: '150627101202' });
    await expect(readable(html)).toMatchFileSnapshot('__snapshots__/StaticMap.html');
  });

  test('names and describes the map in the page’s language, and links each village to its page', async () => {
    const html = await render({ locale: 'en', payload: payload('en'), labels: EN_LABELS });
    expect(html).toMatch(/<svg[^>]*role="group"[^>]*aria-labelledby="static-map-title"[^>]*aria-describedby="static-map-desc"/);
    expect(html).toContain('<title id="static-map-title">Villages of Ejin Horo Banner and their progress</title>');
    expect(html).toContain(
      '5 villages of Ejin Horo Banner by the stage of their latest review: 2 operating, 1 planning, 1 under construction, 1 no review yet. 3 are drawn near their town seat.',
    );
    expect(html).toContain('href="/en/villages/150627101212/"');
    expect(html).toContain('<title>Cun212 Village 村212 (Zhasake Town): planning, funds —</title>');
  });

  test('is a plain image, without links, when asked', async () => {
    const html = await render({ locale: 'zh-CN', payload: payload('zh-CN'), labels: ZH_LABELS, links: false });
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).not.toContain('<a ');
  });

  test('shows a hostile village name as text, and sets no inline style', async () => {
    const hostile = [
      village('150627101299', { name: '<img src=x onerror=alert(1)>村', nameEn: '<img src=x onerror=alert(1)> Village', latestStage: 'operating' }),
    ];
    const html = await render({ locale: 'en', payload: payload('en', hostile), labels: EN_LABELS });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; Village &lt;img src=x onerror=alert(1)&gt;村');
    expect(html).not.toMatch(/\sstyle=/);
  });
});
