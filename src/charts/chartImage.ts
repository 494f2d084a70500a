/**
 * A chart as a standalone picture, for articles, WeChat posts and print: its title and place, the
 * chart, its notes and source, the edition and its date, and the address of its page, all drawn into
 * one SVG, CHART_IMAGE.width CSS pixels wide (src/derive/imagePaths.ts), rendered to PNG at twice
 * that by scripts/lib/rasterize.ts. The chart is drawn at the 420 px the pages use and scaled up, so
 * its 12 px text stays legible when a phone shows the picture a third of its size.
 */
import type { Locale } from '../i18n/locale.ts';
import type { ChartDataset } from '../derive/chartData.ts';
import { MUTED_TEXT_COLOR, TEXT_COLOR, GRID_COLOR, BACKGROUND_COLOR } from '../format/palette.ts';
import { drawDataset, type ChartWords } from './datasetChart.ts';
import type { LegendItem } from './dataTable.ts';
import { estimateTextWidth, fitLabel } from './estimateTextWidth.ts';
import { svgElement, svgText } from './svgMarkup.ts';
import { escapeXml } from '../format/escapeXml.ts';
import { CHART_IMAGE } from '../derive/imagePaths.ts';

/**
 * The fonts a picture names, the bundled one first (Noto Sans SC, which the PNG renderer loads);
 * a browser opening the SVG falls back to the reader's own CJK fonts.
 */
export const IMAGE_FONT_FAMILY = "'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

const UNITS = 420;
const MARGIN = 14;
const SCALE = CHART_IMAGE.width / UNITS;
const INNER = UNITS - 2 * MARGIN;

export type ChartImageInput = {
  dataset: ChartDataset;
  words: ChartWords;
  locale: Locale;
  /** The place the chart is of, with the places it lies in. */
  place: string;
  /** The source line as the page prints it (files and edition). */
  source: string;
  /** The edition's as-of date in words, e.g. "数据截至2021年11月30日". */
  asOf: string;
  /** The address of the chart's page, absolute. */
  url: string;
};

export type ChartImage = { svg: string; width: number; height: number };

/** An address broken after its slashes, so each line fits; a piece longer than a line stays whole. */
function wrapUrl(url: string, maxWidth: number, fontSize: number): string[] {
  const pieces = url.match(/[^/]*\/+|[^/]+$/g) ?? [url];
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (line !== '' && estimateTextWidth(line + piece, fontSize) > maxWidth) {
      lines.push(line);
      line = '';
    }
    line += piece;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Legend entries in rows that fit the width: a swatch and a label each. */
function legendMarks(legend: readonly LegendItem[], top: number, fontSize: number): { marks: string; height: number } {
  if (legend.length === 0) return { marks: '', height: 0 };
  const rowHeight = fontSize + 6;
  const swatch = 16;
  let x = MARGIN;
  let y = top;
  const marks = legend.map((item) => {
    const width = swatch + 5 + estimateTextWidth(item.label, fontSize);
    if (x > MARGIN && x + width > UNITS - MARGIN) {
      x = MARGIN;
      y += rowHeight;
    }
    const middle = y + rowHeight / 2;
    const mark =
      item.mark === 'box'
        ? svgElement('rect', { x: x + 0.5, y: middle - 5, width: swatch - 1, height: 10, fill: item.fill, stroke: item.color, 'stroke-width': 1 })
        : svgElement('line', {
            x1: x,
            y1: middle,
            x2: x + swatch,
            y2: middle,
            stroke: item.color,
            'stroke-width': 2.5,
            'stroke-dasharray': item.dash === '' ? undefined : item.dash,
          });
    const label = svgText('text', { x: x + swatch + 5, y: middle, dy: '0.35em', 'font-size': fontSize, fill: TEXT_COLOR }, item.label);
    x += width + 12;
    return mark + label;
  });
  return { marks: marks.join(''), height: y + rowHeight - top };
}

/** Lines of text, one `<text>` each, from `top`; returns the marks and the y below them. */
function textLines(
  lines: readonly string[],
  top: number,
  fontSize: number,
  lineHeight: number,
  attributes: Record<string, string>,
): { marks: string; bottom: number } {
  const marks = lines.map((line, index) => svgText('text', { x: MARGIN, y: top + index * lineHeight + fontSize, ...attributes }, line));
  return { marks: marks.join(''), bottom: top + lines.length * lineHeight };
}

export function composeChartImage({ dataset, words, locale, place, source, asOf, url }: ChartImageInput): ChartImage {
  const drawn = drawDataset(dataset, words, locale, { id: dataset.id, width: INNER });
  const title = textLines(fitLabel(words.title, INNER, 16, 3), MARGIN, 16, 21, { 'font-size': '16', 'font-weight': 'bold', fill: TEXT_COLOR });
  const subtitle = textLines(fitLabel(place, INNER, 12, 2), title.bottom + 2, 12, 16, { 'font-size': '12', fill: MUTED_TEXT_COLOR });
  const legend = legendMarks(drawn.legend, subtitle.bottom + 8, 11);
  const chartTop = subtitle.bottom + 8 + (legend.height > 0 ? legend.height + 6 : 0);
  const chartBottom = chartTop + drawn.height;
  const small = 10;
  const footerLines = [
    ...words.notes.flatMap((note) => fitLabel(note, INNER, small, 3)),
    ...fitLabel(source, INNER, small, 3),
    ...fitLabel(asOf, INNER, small, 2),
  ];
  const footer = textLines(footerLines, chartBottom + 14, small, 14, { 'font-size': String(small), fill: MUTED_TEXT_COLOR });
  const address = textLines(wrapUrl(url, INNER, 9.5), footer.bottom + 2, 9.5, 13, { 'font-size': '9.5', fill: MUTED_TEXT_COLOR });
  const units = address.bottom + MARGIN;
  const width = CHART_IMAGE.width;
  const height = Math.ceil(units * SCALE);
  const content = [
    svgText('title', {}, `${words.title} · ${place}`),
    svgText('desc', {}, drawn.description),
    svgElement('rect', { width, height, fill: BACKGROUND_COLOR }),
    svgElement(
      'g',
      { transform: `scale(${SCALE})` },
      [
        title.marks,
        subtitle.marks,
        legend.marks,
        svgElement('g', { transform: `translate(${MARGIN} ${chartTop})` }, drawn.marks),
        svgElement('line', { x1: MARGIN, x2: UNITS - MARGIN, y1: chartBottom + 6, y2: chartBottom + 6, stroke: GRID_COLOR, 'stroke-width': 1 }),
        footer.marks,
        address.marks,
      ].join(''),
    ),
  ].join('');
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" lang="${escapeXml(locale)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(IMAGE_FONT_FAMILY)}">` +
    `${content}</svg>\n`;
  return { svg, width, height };
}
