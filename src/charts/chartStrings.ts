/**
 * The fixed words around a chart, in both languages. Pages may override any of them through a
 * chart's `strings` prop; everything about the data itself (titles, labels, sources, notes) comes
 * from the page already in the reader's language.
 */
import type { Locale } from '../i18n/locale.ts';
import type { DataTable, LegendItem } from './dataTable.ts';
import type { ReconcileStatus } from '../model/vocabulary.ts';

export type ChartStrings = {
  showTable: string;
  downloadCsv: string;
  /** Column headers of the data table when the page gives none. */
  item: string;
  value: string;
  total: string;
  time: string;
  reported: string;
  computed: string;
  status: string;
  statuses: Readonly<Record<ReconcileStatus, string>>;
  /** `{value}` is replaced by the reported figure when the report gives only a lower bound. */
  atLeast: string;
  legend: string;
  /** Tooltip of a mark: `{label}` and `{value}` are replaced. */
  tooltip: string;
};

const STRINGS: Readonly<Record<Locale, ChartStrings>> = {
  'zh-CN': {
    showTable: '查看数据表',
    downloadCsv: '下载本图数据（CSV）',
    item: '项目',
    value: '数值',
    total: '合计',
    time: '时间',
    reported: '报告数',
    computed: '数据计算',
    status: '核对结果',
    statuses: { matches: '一致', 'at-least': '符合“以上”', differs: '不一致', 'not-computed': '缺少数据' },
    atLeast: '{value}以上',
    legend: '图例',
    tooltip: '{label}：{value}',
  },
  en: {
    showTable: 'Show data table',
    downloadCsv: 'Download this chart’s data (CSV)',
    item: 'Item',
    value: 'Value',
    total: 'Total',
    time: 'Date',
    reported: 'Reported',
    computed: 'From the data',
    status: 'Check',
    statuses: { matches: 'matches', 'at-least': 'meets “at least”', differs: 'differs', 'not-computed': 'missing' },
    atLeast: 'at least {value}',
    legend: 'Legend',
    tooltip: '{label}: {value}',
  },
};

export function chartStrings(locale: Locale, overrides: Partial<ChartStrings> = {}): ChartStrings {
  return { ...STRINGS[locale], ...overrides };
}

/** The props every chart passes straight through to its Figure frame. */
export type FrameProps = {
  id: string;
  title: string;
  source?: string | undefined;
  sourceHref?: string | undefined;
  notes?: readonly string[] | undefined;
  csvHref?: string | undefined;
};

/** What every chart component takes besides its data. */
export type ChartProps = FrameProps & {
  /** Used only to format numbers, money and dates. */
  locale: Locale;
  width?: number;
  height?: number;
  /** Replaces the description generated from the data. */
  description?: string;
  strings?: Partial<ChartStrings>;
};

/** What a chart computed for its figure: the accessible description, size, data table and legend. */
export type FigureBody = { description: string; width: number; height: number; table: DataTable; legend?: readonly LegendItem[] };

/** Every prop of Figure.astro: the frame the chart was given, its words, and what it computed. */
export function figureFrame(props: FrameProps, text: ChartStrings, body: FigureBody) {
  const { id, title, source, sourceHref, notes, csvHref } = props;
  const legendLabel = body.legend === undefined ? {} : { legendLabel: text.legend };
  return { id, title, source, sourceHref, notes, csvHref, showTableLabel: text.showTable, downloadCsvLabel: text.downloadCsv, ...body, ...legendLabel };
}
