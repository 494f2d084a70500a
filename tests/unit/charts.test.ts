import { describe, expect, test } from 'vitest';
import { monthTicks } from '../../src/charts/monthTicks.ts';
import { toDayNumber } from '../../src/model/calendar.ts';
import { chartStrings } from '../../src/charts/chartStrings.ts';
import { fill } from '../../src/i18n/fill.ts';
import { formatChartValue, sumChartValues, toPlotNumber } from '../../src/charts/chartValue.ts';
import { describeBars, describeComparison, describeLine, describeStackedBars } from '../../src/charts/describeChart.ts';
import { estimateTextWidth, fitLabel } from '../../src/charts/estimateTextWidth.ts';
import { heightForRows } from '../../src/charts/frameHorizontalBars.ts';
import { layOutBars, type BarDatum } from '../../src/charts/layOutBars.ts';
import { compareFigures, layOutComparison } from '../../src/charts/layOutComparison.ts';
import { layOutLine } from '../../src/charts/layOutLine.ts';
import { layOutStackedBars } from '../../src/charts/layOutStackedBars.ts';
import { AXIS_COLOR, BACKGROUND_COLOR, MUTED_TEXT_COLOR, PATTERNS, SERIES_COLORS, TEXT_COLOR, styleSeries } from '../../src/format/palette.ts';
import { seriesFill } from '../../src/charts/seriesFill.ts';
import { formatYuan } from '../../src/format/formatNumber.ts';

const SIZE = { width: 640, height: 260 };

const TOWNS: BarDatum[] = [
  { key: '150627100', label: '阿勒腾席热镇', value: 52 },
  { key: '150627101', label: '札萨克镇', value: 120 },
  { key: '150627102', label: '乌兰木伦镇', value: 8 },
  { key: '150627103', label: '纳林陶亥镇', value: 0 },
  { key: '150627104', label: '苏布尔嘎镇', value: 33.5 },
  { key: '150627105', label: '红庆河镇', value: 60 },
  { key: '150627106', label: '伊金霍洛镇', value: 17 },
];

/** Every number anywhere in a layout, to check they are all rounded to a tenth of a pixel. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}
const isTenth = (n: number): boolean => Math.abs(n * 10 - Math.round(n * 10)) < 1e-6;

/** WCAG 2.1 relative luminance and contrast ratio, written out here independently of the palette. */
function luminance(hex: string): number {
  const channel = (offset: number): number => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('palette', () => {
  test('the contrast formula gives the known extremes (black on white 21:1, white on white 1:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
  });

  test.each([...SERIES_COLORS, AXIS_COLOR])('series and axis colour %s has at least 3:1 contrast on white', (color) => {
    expect(contrast(color, BACKGROUND_COLOR)).toBeGreaterThanOrEqual(3);
  });

  test.each([TEXT_COLOR, MUTED_TEXT_COLOR])('text colour %s has at least 4.5:1 contrast on white', (color) => {
    expect(contrast(color, BACKGROUND_COLOR)).toBeGreaterThanOrEqual(4.5);
  });

  test('gives the first series a solid fill and no two of the first 49 series the same colour and pattern', () => {
    const styles = styleSeries(Array.from({ length: 49 }, (_, index) => ({ key: `s${index}`, label: `S${index}` })));
    expect(styles[0]).toMatchObject({ pattern: 'solid', dash: '' });
    expect(new Set(styles.map((style) => `${style.color} ${style.pattern}`)).size).toBe(49);
    expect(new Set(styles.slice(0, PATTERNS.length).map((style) => style.dash)).size).toBe(PATTERNS.length);
  });

  test('fills a solid series with its colour and a patterned one with a chart-scoped pattern', () => {
    expect(seriesFill('funds', { color: '#0072b2', pattern: 'solid' }, 0)).toBe('#0072b2');
    expect(seriesFill('funds', { color: '#d55e00', pattern: 'diagonal' }, 1)).toBe('url(#funds-pattern-1)');
  });
});

describe('layOutBars', () => {
  const layout = layOutBars(TOWNS, SIZE, { formatValue: (value) => `${value}万元` });

  test('gives an empty layout for no data', () => {
    const empty = layOutBars([], SIZE);
    expect(empty.bars).toEqual([]);
    expect(empty.ticks).toEqual([]);
    expect(empty).toMatchObject({ width: 640, height: 260 });
  });

  test('keeps every bar and its value label inside the chart', () => {
    for (const bar of layout.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(layout.labelX);
      expect(bar.y).toBeGreaterThanOrEqual(0);
      expect(bar.x + bar.width).toBeLessThanOrEqual(SIZE.width);
      expect(bar.y + bar.height).toBeLessThanOrEqual(SIZE.height);
      expect(bar.valueX + estimateTextWidth(bar.valueLabel, 12)).toBeLessThanOrEqual(SIZE.width + 0.5);
    }
  });

  test('makes bar length proportional to value, from the zero line', () => {
    const byKey = new Map(layout.bars.map((bar) => [bar.key, bar]));
    const zasake = byKey.get('150627101')!;
    const hongqinghe = byKey.get('150627105')!;
    expect(zasake.width / hongqinghe.width).toBeCloseTo(120 / 60, 2);
    const sorted = [...layout.bars].sort((a, b) => a.value - b.value);
    sorted.slice(1).forEach((bar, index) => expect(bar.width).toBeGreaterThanOrEqual(sorted[index]!.width));
    for (const bar of layout.bars) expect(bar.x).toBe(layout.baseline);
  });

  test('draws a zero value as a bar of no width at the zero line', () => {
    const zero = layout.bars.find((bar) => bar.value === 0)!;
    expect(zero.width).toBe(0);
    expect(zero.valueLabel).toBe('0万元');
  });

  test('stacks bars top to bottom in the order given, without overlap', () => {
    expect(layout.bars.map((bar) => bar.key)).toEqual(TOWNS.map((town) => town.key));
    layout.bars.slice(1).forEach((bar, index) => expect(bar.y).toBeGreaterThanOrEqual(layout.bars[index]!.y + layout.bars[index]!.height));
  });

  test('rounds every position to a tenth of a pixel', () => {
    expect(
      numbersIn({ ...layout, bars: layout.bars.map(({ value: _value, ...rest }) => rest), ticks: layout.ticks.map((tick) => tick.position) }).every(isTenth),
    ).toBe(true);
  });

  test('places axis ticks left to right from the zero line without their labels touching', () => {
    expect(layout.ticks[0]).toMatchObject({ value: 0, position: layout.baseline });
    layout.ticks.slice(1).forEach((tick, index) => {
      const previous = layout.ticks[index]!;
      expect(tick.value).toBeGreaterThan(previous.value);
      expect(tick.position - previous.position).toBeGreaterThan((estimateTextWidth(tick.label, 12) + estimateTextWidth(previous.label, 12)) / 2);
    });
    expect(layout.ticks[layout.ticks.length - 1]!.value).toBeGreaterThanOrEqual(120);
  });

  test('keeps a single bar to a readable thickness, centred in the chart', () => {
    const single = layOutBars([{ key: 'a', label: '高勒庙村', value: 2600 }], SIZE);
    const bar = single.bars[0]!;
    expect(bar.height).toBeLessThanOrEqual(28);
    expect(bar.y + bar.height / 2).toBeCloseTo((single.plot.top + single.plot.bottom) / 2, 0);
    expect(bar.x + bar.width).toBeLessThanOrEqual(single.plot.right);
  });

  test('draws an all-zero chart with bars of no width rather than failing', () => {
    const zeros = layOutBars(
      [
        { key: 'a', label: 'A', value: 0 },
        { key: 'b', label: 'B', value: 0 },
      ],
      SIZE,
    );
    expect(zeros.bars.map((bar) => bar.width)).toEqual([0, 0]);
    expect(zeros.ticks.length).toBeGreaterThan(0);
  });

  test('wraps a long label onto at most two lines inside the label column, ending with an ellipsis when cut', () => {
    const label = 'Chaganhudugayinxili Village of Hongqinghe Town, Ejin Horo Banner, Ordos City, Inner Mongolia';
    const long = layOutBars(
      [
        { key: 'a', label, value: 1 },
        { key: 'b', label: 'B', value: 2 },
      ],
      { width: 400, height: 120 },
    );
    const lines = long.bars[0]!.labelLines;
    expect(lines.length).toBe(2);
    expect(long.labelX).toBeLessThanOrEqual(400 * 0.4);
    for (const line of lines) expect(estimateTextWidth(line.text, 12)).toBeLessThanOrEqual(long.labelX + 0.5);
    expect(lines[1]!.text.endsWith('…')).toBe(true);
    expect(lines[1]!.y).toBeGreaterThan(lines[0]!.y);
    expect(long.bars[0]!.label).toBe(label);
  });

  test('draws a negative value leftwards from the zero line with its label before the bar', () => {
    const mixed = layOutBars(
      [
        { key: 'up', label: 'up', value: 30 },
        { key: 'down', label: 'down', value: -10 },
      ],
      SIZE,
    );
    const down = mixed.bars[1]!;
    expect(down.x + down.width).toBeCloseTo(mixed.baseline, 5);
    expect(down.valueAnchor).toBe('end');
    expect(down.valueX).toBeLessThan(down.x);
    expect(mixed.bars[0]!.width / down.width).toBeCloseTo(3, 1);
  });

  test('refuses two rows with one key and a value that is not a number', () => {
    expect(() =>
      layOutBars(
        [
          { key: 'a', label: 'A', value: 1 },
          { key: 'a', label: 'B', value: 2 },
        ],
        SIZE,
      ),
    ).toThrow(/distinct keys/);
    expect(() => layOutBars([{ key: 'a', label: 'A', value: Number.NaN }], SIZE)).toThrow(RangeError);
  });

  test('suggests a height that grows with the number of rows', () => {
    expect(heightForRows(14)).toBeGreaterThan(heightForRows(7));
    expect(heightForRows(7) - heightForRows(6)).toBe(32);
  });
});

describe('layOutStackedBars', () => {
  const series = [
    { key: 'government', label: '财政资金' },
    { key: 'paired_enterprise', label: '包联企业' },
    { key: 'village_collective', label: '村集体' },
  ];
  const data = [
    { key: 'a', label: '札萨克镇', values: { government: 100, paired_enterprise: 50, village_collective: 10 } },
    { key: 'b', label: '红庆河镇', values: { government: 20, village_collective: 20 } },
    { key: 'c', label: '伊金霍洛镇', values: {} },
  ];
  const layout = layOutStackedBars(data, series, SIZE, { formatValue: (value) => `${value}` });

  test('lays segments end to end from the zero line, in series order, leaving out empty ones', () => {
    const first = layout.stacks[0]!;
    expect(first.segments.map((segment) => segment.seriesKey)).toEqual(['government', 'paired_enterprise', 'village_collective']);
    expect(first.segments[0]!.x).toBe(layout.baseline);
    first.segments.slice(1).forEach((segment, index) => {
      const previous = first.segments[index]!;
      expect(segment.x).toBeCloseTo(previous.x + previous.width, 1);
    });
    expect(layout.stacks[1]!.segments.map((segment) => segment.seriesKey)).toEqual(['government', 'village_collective']);
    expect(layout.stacks[2]!.segments).toEqual([]);
  });

  test('makes segment lengths proportional to values across bars', () => {
    const government = layout.stacks.map((stack) => stack.segments.find((segment) => segment.seriesKey === 'government'));
    expect(government[0]!.width / government[1]!.width).toBeCloseTo(5, 1);
  });

  test('prints each total after its bar and keeps it in the chart', () => {
    expect(layout.stacks.map((stack) => stack.total)).toEqual([160, 40, 0]);
    expect(layout.stacks.map((stack) => stack.totalLabel)).toEqual(['160', '40', '0']);
    const first = layout.stacks[0]!;
    const last = first.segments[first.segments.length - 1]!;
    expect(first.totalX).toBeGreaterThan(last.x + last.width);
    expect(first.totalX + estimateTextWidth('160', 12)).toBeLessThanOrEqual(SIZE.width);
  });

  test('returns a distinct colour and pattern per series for the legend', () => {
    expect(layout.series.map((style) => style.label)).toEqual(['财政资金', '包联企业', '村集体']);
    expect(new Set(layout.series.map((style) => style.color)).size).toBe(3);
    expect(new Set(layout.series.map((style) => style.pattern)).size).toBe(3);
  });

  test('gives an empty layout for no data and refuses a negative part', () => {
    expect(layOutStackedBars([], series, SIZE).stacks).toEqual([]);
    expect(() => layOutStackedBars([{ key: 'a', label: 'A', values: { government: -1 } }], series, SIZE)).toThrow(RangeError);
  });
});

describe('month ticks', () => {
  test('puts month ticks on calendar-aligned steps when there is no room for every month', () => {
    const first = toDayNumber('2021-01-01');
    const last = toDayNumber('2021-12-31');
    expect(monthTicks(first, last, 12).map((tick) => tick.month)).toHaveLength(12);
    expect(monthTicks(first, last, 4).map((tick) => tick.month)).toEqual(['2021-01', '2021-04', '2021-07', '2021-10']);
    expect(monthTicks(toDayNumber('2021-01-15'), toDayNumber('2021-03-15'), 12).map((tick) => tick.month)).toEqual(['2021-02', '2021-03']);
  });
});

describe('layOutLine', () => {
  const months = ['2021-01', '2021-02', '2021-03', '2021-04', '2021-05', '2021-06', '2021-07', '2021-08', '2021-09'];

  test('places points left to right in time even when given out of order, higher values higher up', () => {
    const layout = layOutLine(
      [
        { x: '2021-05-20', y: 30 },
        { x: '2021-03-01', y: 10 },
        { x: '2021-09-30', y: 37 },
      ],
      SIZE,
    );
    const points = layout.lines[0]!.points;
    expect(points.map((point) => point.x)).toEqual(['2021-03-01', '2021-05-20', '2021-09-30']);
    points.slice(1).forEach((point, index) => {
      expect(point.px).toBeGreaterThan(points[index]!.px);
      expect(point.py).toBeLessThan(points[index]!.py);
    });
    expect(layout.lines[0]!.path.startsWith(`M${points[0]!.px},${points[0]!.py}`)).toBe(true);
    expect(layout.lines[0]!.endLabel).toBeNull();
  });

  test('spaces points by calendar days: the gap after a 31-day month is wider than after February', () => {
    const layout = layOutLine(
      months.slice(0, 4).map((x) => ({ x, y: 1 })),
      SIZE,
    );
    const [january, february, march] = layout.lines[0]!.points;
    expect(february!.px - january!.px).toBeGreaterThan(march!.px - february!.px);
  });

  test('keeps every point inside the plot and rounds to a tenth of a pixel', () => {
    const layout = layOutLine(
      months.map((x, index) => ({ x, y: index * 1000 })),
      SIZE,
    );
    for (const point of layout.lines[0]!.points) {
      expect(point.px).toBeGreaterThanOrEqual(layout.plot.left);
      expect(point.px).toBeLessThanOrEqual(layout.plot.right);
      expect(point.py).toBeGreaterThanOrEqual(layout.plot.top);
      expect(point.py).toBeLessThanOrEqual(layout.plot.bottom);
      expect(isTenth(point.px) && isTenth(point.py)).toBe(true);
    }
    expect(layout.plot.right).toBeLessThanOrEqual(SIZE.width);
  });

  test('labels month ticks with the given formatter, in order, inside the plot', () => {
    const layout = layOutLine(
      months.map((x) => ({ x, y: 5 })),
      SIZE,
      { formatX: (x) => `<${x}>` },
    );
    expect(layout.xTicks.length).toBeGreaterThan(1);
    expect(layout.xTicks[0]).toMatchObject({ value: '2021-01', label: '<2021-01>', position: layout.plot.left });
    layout.xTicks.slice(1).forEach((tick, index) => expect(tick.position).toBeGreaterThan(layout.xTicks[index]!.position));
    for (const tick of layout.yTicks) expect(tick.position).toBeLessThanOrEqual(layout.plot.bottom);
  });

  test('breaks the line where a value is missing', () => {
    const layout = layOutLine(
      [
        { x: '2021-01', y: 1 },
        { x: '2021-02', y: 2 },
        { x: '2021-03', y: null },
        { x: '2021-04', y: 3 },
        { x: '2021-05', y: 4 },
      ],
      SIZE,
    );
    expect(layout.lines[0]!.path.match(/M/g)).toHaveLength(2);
    expect(layout.lines[0]!.points).toHaveLength(4);
  });

  test('draws a running total as steps that hold each value until the next point', () => {
    const layout = layOutLine(
      [
        { x: '2021-03-01', y: 10 },
        { x: '2021-06-01', y: 30 },
      ],
      SIZE,
      { curve: 'step' },
    );
    const [first, second] = layout.lines[0]!.points;
    expect(layout.lines[0]!.path).toContain(`${second!.px},${first!.py}`);
  });

  test('labels several series at their ends without the labels overlapping', () => {
    const towns = ['札萨克镇', '红庆河镇', '乌兰木伦镇', '纳林陶亥镇'].map((label, index) => ({
      key: String(index),
      label,
      points: months.map((x) => ({ x, y: 100 + index })), // nearly equal: the end labels collide
    }));
    const layout = layOutLine(towns, SIZE);
    const ys = layout.lines.map((line) => line.endLabel!.y).sort((a, b) => a - b);
    ys.slice(1).forEach((y, index) => expect(y - ys[index]!).toBeGreaterThanOrEqual(12 * 1.2 - 0.1));
    for (const line of layout.lines) expect(line.endLabel!.x + estimateTextWidth(line.endLabel!.text, 12)).toBeLessThanOrEqual(SIZE.width + 0.5);
    expect(new Set(layout.lines.map((line) => line.dash)).size).toBe(4);
  });

  test('marks points only when there are few of them', () => {
    const daily = Array.from({ length: 100 }, (_, index) => ({
      x: `2021-0${1 + Math.floor(index / 28)}-${String(1 + (index % 28)).padStart(2, '0')}`,
      y: index,
    }));
    expect(layOutLine(daily, SIZE).showMarkers).toBe(false);
    expect(layOutLine(daily.slice(0, 10), SIZE).showMarkers).toBe(true);
  });

  test('centres a single point and gives an empty layout for no data', () => {
    const single = layOutLine([{ x: '2021-10-14', y: 37 }], SIZE);
    const point = single.lines[0]!.points[0]!;
    expect(point.px).toBeCloseTo((single.plot.left + single.plot.right) / 2, 0);
    expect(single.xTicks.map((tick) => tick.value)).toEqual(['2021-10-14']);
    const empty = layOutLine([], SIZE);
    expect(empty.lines).toEqual([]);
    expect(empty.xTicks).toEqual([]);
    expect(empty.yTicks).toEqual([]);
  });
});

describe('layOutComparison', () => {
  test.each([
    [{ reported: 254, computed: 254 }, 'matches'],
    [{ reported: 254, computed: 250 }, 'differs'],
    [{ reported: 800, computed: 812, qualifier: 'at-least' as const }, 'at-least'],
    [{ reported: 800, computed: 790, qualifier: 'at-least' as const }, 'differs'],
    [{ reported: 800, computed: 812 }, 'differs'],
    [{ reported: 138, computed: null }, 'not-computed'],
  ])('judges %o as %s', (figures, status) => {
    expect(compareFigures(figures)).toBe(status);
  });

  const data = [
    { key: 'funds', label: '帮扶资金', reported: 37_000_000_000, computed: 35_000_000_000 },
    { key: 'projects', label: '项目数', reported: 254, computed: 254 },
    { key: 'talent', label: '本土人才', reported: 800, computed: 812, qualifier: 'at-least' as const },
    { key: 'villages', label: '嘎查村', reported: 138, computed: null },
  ];
  const statusLabels = { matches: '一致', 'at-least': '符合', differs: '不一致', 'not-computed': '缺少数据' };
  const layout = layOutComparison(data, SIZE, { statusLabels });

  test('gives each pair its own scale: the larger figure spans the plot, the smaller in proportion', () => {
    const plotWidth = layout.plot.right - layout.plot.left;
    const funds = layout.rows[0]!;
    expect(funds.reported!.width).toBeCloseTo(plotWidth, 0);
    expect(funds.computed!.width / funds.reported!.width).toBeCloseTo(35 / 37, 2);
    const projects = layout.rows[1]!;
    expect(projects.reported!.width).toBe(projects.computed!.width);
    expect(layout.ticks).toEqual([]);
  });

  test('puts the reported bar above the computed one, and no bar for a missing figure', () => {
    const funds = layout.rows[0]!;
    expect(funds.computed!.y).toBeGreaterThanOrEqual(funds.reported!.y + funds.reported!.height);
    expect(layout.rows[3]!.computed).toBeNull();
    expect(layout.rows[3]!.reported).not.toBeNull();
  });

  test('reports status, difference and status text inside the chart', () => {
    expect(layout.rows.map((row) => row.status)).toEqual(['differs', 'matches', 'at-least', 'not-computed']);
    expect(layout.rows.map((row) => row.difference)).toEqual([-2_000_000_000, 0, 12, null]);
    for (const row of layout.rows) {
      expect(row.statusX + estimateTextWidth(row.statusLabel, 12)).toBeLessThanOrEqual(SIZE.width + 0.5);
      for (const bar of [row.reported, row.computed]) {
        if (bar !== null) expect(bar.valueX + estimateTextWidth(bar.valueLabel, 12)).toBeLessThanOrEqual(row.statusX);
      }
    }
  });

  test('on a shared scale, equal figures in different rows get equal bars and the axis has ticks', () => {
    const shared = layOutComparison(
      [
        { key: 'a', label: 'A', reported: 100, computed: 50 },
        { key: 'b', label: 'B', reported: 50, computed: 50 },
      ],
      SIZE,
      { sharedScale: true },
    );
    expect(shared.rows[0]!.computed!.width).toBe(shared.rows[1]!.reported!.width);
    expect(shared.ticks.length).toBeGreaterThan(1);
  });

  test('gives an empty layout for no data', () => {
    expect(layOutComparison([], SIZE).rows).toEqual([]);
  });
});

describe('estimateTextWidth and fitLabel', () => {
  test('counts a Chinese character wider than a Latin letter', () => {
    expect(estimateTextWidth('札萨克镇', 12)).toBeGreaterThan(estimateTextWidth('abcd', 12));
    expect(estimateTextWidth('', 12)).toBe(0);
  });

  test('leaves a label that fits alone', () => {
    expect(fitLabel('札萨克镇', 100, 12, 2)).toEqual(['札萨克镇']);
  });

  test('breaks English between words and Chinese between characters', () => {
    expect(fitLabel('Zhasake Town', 50, 12, 2)).toEqual(['Zhasake', 'Town']);
    const chinese = fitLabel('查干呼都嘎音希里村', 60, 12, 2);
    expect(chinese).toHaveLength(2);
    expect(chinese.join('').replace('…', '')).toMatch(/^查干呼都嘎/);
  });

  test('cuts with an ellipsis what does not fit on the allowed lines', () => {
    const lines = fitLabel('Chaganhudugayinxili Village', 60, 12, 1);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('…')).toBe(true);
    expect(estimateTextWidth(lines[0]!, 12)).toBeLessThanOrEqual(60);
  });
});

describe('chart values', () => {
  test('prints money from fen exactly as formatYuan does, whether given as bigint or number', () => {
    expect(formatChartValue(37_000_000_000n, 'money', 'zh-CN')).toBe(formatYuan(37_000_000_000n, 'zh-CN'));
    expect(formatChartValue(37_000_000_000, 'money', 'en')).toBe('CNY 370 million');
    expect(formatChartValue(1234, 'count', 'en')).toBe('1,234');
    expect(formatChartValue(0.25, 'percent', 'zh-CN')).toBe('25%');
  });

  test('adds money as bigints, so a total keeps every fen', () => {
    expect(sumChartValues([2n ** 60n, 1n])).toBe(2n ** 60n + 1n);
    expect(sumChartValues([1, 2.5])).toBe(3.5);
  });

  test('refuses to chart an amount a float cannot hold exactly', () => {
    expect(toPlotNumber(37_000_000_000n)).toBe(37_000_000_000);
    expect(() => toPlotNumber(2n ** 53n + 1n)).toThrow(RangeError);
  });

  test('fills templates without re-reading placeholders inside values', () => {
    expect(fill('{label}：{value}', { label: '{value}', value: '1' })).toBe('{value}：1');
    expect(fill(chartStrings('en').atLeast, { value: '800' })).toBe('at least 800');
  });
});

describe('describeChart', () => {
  const items = [
    { label: '札萨克镇', value: 120, valueText: '1.2亿元' },
    { label: '红庆河镇', value: 0.8, valueText: '80万元' },
    { label: '乌兰木伦镇', value: 50, valueText: '5000万元' },
  ];

  test('names the highest and lowest bars in Chinese and in English', () => {
    expect(describeBars(items, 'zh-CN', { totalText: '1.708亿元' })).toBe('共3项。最高的是札萨克镇，1.2亿元；最低的是红庆河镇，80万元。合计1.708亿元。');
    const english = [
      { label: 'Zhasake Town', value: 120, valueText: 'CNY 120 million' },
      { label: 'Hongqinghe Town', value: 0.8, valueText: 'CNY 800,000' },
    ];
    expect(describeBars(english, 'en', { totalText: 'CNY 120.8 million' })).toBe(
      '2 items. Highest: Zhasake Town, CNY 120 million; lowest: Hongqinghe Town, CNY 800,000. Total: CNY 120.8 million.',
    );
  });

  test('names every bar tied for highest', () => {
    const tied = [...items, { label: '伊金霍洛镇', value: 120, valueText: '1.2亿元' }];
    expect(describeBars(tied, 'zh-CN')).toContain('最高的是札萨克镇、伊金霍洛镇，各1.2亿元');
    expect(describeBars(tied, 'en')).toContain('Highest: 札萨克镇 and 伊金霍洛镇, 1.2亿元 each');
  });

  test('describes no data, one bar and equal bars plainly', () => {
    expect(describeBars([], 'zh-CN')).toBe('没有数据。');
    expect(describeBars([items[0]!], 'en')).toBe('One item: 札萨克镇, 1.2亿元.');
    expect(describeBars([items[1]!, { ...items[1]!, label: 'B' }], 'en')).toBe('All 2 items are equal: 80万元.');
  });

  test('adds the largest series to a stacked chart', () => {
    const series = [
      { label: 'government finance', value: 100, valueText: 'CNY 100' },
      { label: 'paired enterprise', value: 70, valueText: 'CNY 70' },
    ];
    expect(describeStackedBars(items, series, 'en')).toMatch(/By category, the largest is government finance, CNY 100\.$/);
  });

  test('follows a line from its first to its last point and mentions a peak in between', () => {
    const points = [
      { xText: '2021年1月', value: 1, valueText: '1万元' },
      { xText: '2021年5月', value: 9, valueText: '9万元' },
      { xText: '2021年9月', value: 5, valueText: '5万元' },
    ];
    expect(describeLine([{ label: '札萨克镇', points }], 'zh-CN')).toBe('札萨克镇：从2021年1月的1万元到2021年9月的5万元，最高为2021年5月的9万元。');
    expect(describeLine([{ label: '', points: points.slice(0, 1) }], 'en')).toBe('1万元 in 2021年1月.');
  });

  test('sums up many lines by their latest values', () => {
    const series = ['A', 'B', 'C', 'D'].map((label, index) => ({ label, points: [{ xText: 'Sep 2021', value: index, valueText: `${index}` }] }));
    expect(describeLine(series, 'en')).toBe('4 lines. At their latest points, highest: D (3, Sep 2021); lowest: A (0, Sep 2021).');
  });

  test('counts agreeing figures and spells out those that differ', () => {
    const rows = [
      { label: '项目数', status: 'differs' as const, reportedText: '254', computedText: '250' },
      { label: '嘎查村', status: 'matches' as const, reportedText: '138', computedText: '138' },
      { label: '本土人才', status: 'not-computed' as const, reportedText: '800以上', computedText: null },
    ];
    expect(describeComparison(rows, 'zh-CN')).toBe('3个数字中，1个一致，1个不一致，1个缺少数据。不一致：项目数（报告254，数据计算250）。');
    expect(describeComparison(rows, 'en')).toBe('Of 3 figures, 1 matches, 1 differs and 1 lacks data. Differs: 项目数 (reported 254, from the data 250).');
  });
});
