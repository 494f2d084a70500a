/**
 * What a chart shows, in a sentence or two, for its SVG `<desc>`: what a screen-reader user (or
 * anyone who cannot see the bars) needs first — the highest and lowest values, the trend, the
 * figures that do not match. Generated from the data so it can never fall out of step with it.
 * Labels and value texts arrive already in the reader's language; only the sentence frame is chosen here.
 */
import type { Locale } from '../i18n/locale.ts';
import type { ReconcileStatus } from '../model/vocabulary.ts';

export type DescribedItem = { label: string; value: number; valueText: string };

const MAX_NAMED = 3;

/** `A、B和C` / `A, B and C`, naming at most three and counting the rest. */
function joinLabels(labels: readonly string[], locale: Locale): string {
  const named = labels.slice(0, MAX_NAMED);
  const rest = labels.length - named.length;
  if (locale === 'zh-CN') return rest > 0 ? `${named.join('、')}等${labels.length}项` : named.join('、');
  return rest > 0 ? `${named.join(', ')} and ${rest} more` : listInEnglish(named);
}

/** `a, b and c`. */
function listInEnglish(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]!}`;
}

function extreme(items: readonly DescribedItem[], pick: (a: number, b: number) => number): { labels: string[]; valueText: string } {
  const value = items.map((item) => item.value).reduce((a, b) => pick(a, b));
  const matching = items.filter((item) => item.value === value);
  return { labels: matching.map((item) => item.label), valueText: matching[0]!.valueText };
}

function describeExtreme(which: 'highest' | 'lowest', found: { labels: string[]; valueText: string }, locale: Locale): string {
  const tied = found.labels.length > 1;
  if (locale === 'zh-CN') {
    return `${which === 'highest' ? '最高' : '最低'}的是${joinLabels(found.labels, locale)}，${tied ? '各' : ''}${found.valueText}`;
  }
  return `${which === 'highest' ? 'Highest' : 'lowest'}: ${joinLabels(found.labels, locale)}, ${found.valueText}${tied ? ' each' : ''}`;
}

/**
 * Bars: `共7项。最高的是札萨克镇，1.2亿元；最低的是红庆河镇，80万元。合计1.5亿元。`
 * / `7 items. Highest: Zhasake Town, CNY 120 million; lowest: Hongqinghe Town, CNY 800,000. Total: CNY 150 million.`
 */
export function describeBars(items: readonly DescribedItem[], locale: Locale, options: { totalText?: string } = {}): string {
  const zh = locale === 'zh-CN';
  const total = options.totalText === undefined ? '' : zh ? `合计${options.totalText}。` : ` Total: ${options.totalText}.`;
  if (items.length === 0) return zh ? '没有数据。' : 'No data.';
  const only = items[0]!;
  if (items.length === 1) return zh ? `只有一项：${only.label}，${only.valueText}。` : `One item: ${only.label}, ${only.valueText}.`;
  const highest = extreme(items, Math.max);
  const lowest = extreme(items, Math.min);
  if (highest.labels.length === items.length) {
    return zh ? `${items.length}项数值相同，都是${only.valueText}。${total}` : `All ${items.length} items are equal: ${only.valueText}.${total}`;
  }
  return zh
    ? `共${items.length}项。${describeExtreme('highest', highest, locale)}；${describeExtreme('lowest', lowest, locale)}。${total}`
    : `${items.length} items. ${describeExtreme('highest', highest, locale)}; ${describeExtreme('lowest', lowest, locale)}.${total}`;
}

/** Stacked bars: the bars' totals as in `describeBars`, then the largest series over all bars. */
export function describeStackedBars(
  stacks: readonly DescribedItem[],
  series: readonly DescribedItem[],
  locale: Locale,
  options: { totalText?: string } = {},
): string {
  const bars = describeBars(stacks, locale, options);
  if (stacks.length === 0 || series.length < 2) return bars;
  const largest = extreme(series, Math.max);
  return locale === 'zh-CN'
    ? `${bars}按类别，最多的是${joinLabels(largest.labels, locale)}，${largest.valueText}。`
    : `${bars} By category, the largest is ${joinLabels(largest.labels, locale)}, ${largest.valueText}.`;
}

export type DescribedPoint = { xText: string; value: number; valueText: string };
export type DescribedSeries = { label: string; points: readonly DescribedPoint[] };

const MAX_SERIES_DESCRIBED_ONE_BY_ONE = 3;

function describeOneSeries(series: DescribedSeries, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const first = series.points[0]!;
  const last = series.points[series.points.length - 1]!;
  const head = series.label === '' ? '' : zh ? `${series.label}：` : `${series.label}: `;
  if (series.points.length === 1) return zh ? `${head}${first.xText}为${first.valueText}。` : `${head}${first.valueText} in ${first.xText}.`;
  const peak = series.points.reduce((best, point) => (point.value > best.value ? point : best));
  const peakText =
    peak.value > last.value && peak.value > first.value
      ? zh
        ? `，最高为${peak.xText}的${peak.valueText}`
        : `, peaking at ${peak.valueText} in ${peak.xText}`
      : '';
  return zh
    ? `${head}从${first.xText}的${first.valueText}到${last.xText}的${last.valueText}${peakText}。`
    : `${head}from ${first.valueText} in ${first.xText} to ${last.valueText} in ${last.xText}${peakText}.`;
}

/**
 * Lines: up to three series one by one (`札萨克镇：从2021年1月的1万元到2021年9月的5万元。`); more
 * than that, the highest and lowest at their latest points.
 */
export function describeLine(series: readonly DescribedSeries[], locale: Locale): string {
  const zh = locale === 'zh-CN';
  const withPoints = series.filter((each) => each.points.length > 0);
  if (withPoints.length === 0) return zh ? '没有数据。' : 'No data.';
  if (withPoints.length <= MAX_SERIES_DESCRIBED_ONE_BY_ONE) {
    return withPoints.map((each) => describeOneSeries(each, locale)).join(zh ? '' : ' ');
  }
  const latest = withPoints.map((each) => {
    const last = each.points[each.points.length - 1]!;
    return { label: each.label, value: last.value, valueText: zh ? `${last.xText}，${last.valueText}` : `${last.valueText}, ${last.xText}` };
  });
  const highest = extreme(latest, Math.max);
  const lowest = extreme(latest, Math.min);
  const name = (found: { labels: string[]; valueText: string }): string =>
    zh ? `${joinLabels(found.labels, locale)}（${found.valueText}）` : `${joinLabels(found.labels, locale)} (${found.valueText})`;
  return zh
    ? `共${withPoints.length}条线。按最新数值，最高的是${name(highest)}，最低的是${name(lowest)}。`
    : `${withPoints.length} lines. At their latest points, highest: ${name(highest)}; lowest: ${name(lowest)}.`;
}

export type DescribedComparison = {
  label: string;
  status: ReconcileStatus;
  reportedText: string | null;
  computedText: string | null;
};

const STATUS_ORDER: readonly ReconcileStatus[] = ['matches', 'at-least', 'differs', 'not-computed'];

const STATUS_COUNT: Readonly<Record<Locale, Readonly<Record<ReconcileStatus, (n: number) => string>>>> = {
  'zh-CN': {
    matches: (n) => `${n}个一致`,
    'at-least': (n) => `${n}个符合报告的“以上”`,
    differs: (n) => `${n}个不一致`,
    'not-computed': (n) => `${n}个缺少数据`,
  },
  en: {
    matches: (n) => `${n} ${n === 1 ? 'matches' : 'match'}`,
    'at-least': (n) => `${n} ${n === 1 ? 'meets its' : 'meet their'} reported lower bound`,
    differs: (n) => `${n} ${n === 1 ? 'differs' : 'differ'}`,
    'not-computed': (n) => `${n} ${n === 1 ? 'lacks' : 'lack'} data`,
  },
};

/**
 * Reported versus computed: how many agree, then each figure that differs with both numbers.
 * `5个数字中，3个一致，1个不一致，1个缺少数据。不一致：项目数（报告254个，数据计算250个）。`
 */
export function describeComparison(rows: readonly DescribedComparison[], locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (rows.length === 0) return zh ? '没有数据。' : 'No data.';
  const counts = STATUS_ORDER.flatMap((status) => {
    const n = rows.filter((row) => row.status === status).length;
    return n === 0 ? [] : [STATUS_COUNT[locale][status](n)];
  });
  const summary = zh ? `${rows.length}个数字中，${counts.join('，')}。` : `Of ${rows.length} figures, ${listInEnglish(counts)}.`;
  const differing = rows.filter((row) => row.status === 'differs');
  if (differing.length === 0) return summary;
  const details = differing.map((row) =>
    zh
      ? `${row.label}（报告${row.reportedText ?? ''}，数据计算${row.computedText ?? ''}）`
      : `${row.label} (reported ${row.reportedText ?? ''}, from the data ${row.computedText ?? ''})`,
  );
  return zh ? `${summary}不一致：${details.join('；')}。` : `${summary} Differs: ${details.join('; ')}.`;
}
