/**
 * The social card of a page (Open Graph, Twitter): the picture a chat app or a social site shows when
 * someone shares the page. The place's name and where it is, a headline figure or two from the data,
 * and the edition's date, at the SOCIAL_IMAGE size (src/derive/imagePaths.ts).
 */
import { SOCIAL_IMAGE } from '../derive/imagePaths.ts';
import { BACKGROUND_COLOR, MUTED_TEXT_COLOR, SERIES_COLORS, TEXT_COLOR } from '../format/palette.ts';
import type { Locale } from '../i18n/locale.ts';
import { IMAGE_FONT_FAMILY } from './chartImage.ts';
import { estimateTextWidth, fitLabel } from './estimateTextWidth.ts';
import { roundPx } from './roundPx.ts';
import { svgElement, svgText } from './svgMarkup.ts';
import { escapeXml } from '../format/escapeXml.ts';

export type SocialCardInput = {
  locale: Locale;
  siteName: string;
  /** The place's name in the reader's language. */
  name: string;
  /** What the place is and where, e.g. "嘎查村 · 札萨克镇 · 伊金霍洛旗". */
  subtitle: string;
  /** One to three figures, already in words. */
  figures: readonly { label: string; value: string }[];
  /** The edition and its date. */
  edition: string;
  /** Said on the card when a figure rests on illustrative rows. */
  illustrative?: string | undefined;
};

const LEFT = 72;
const round = roundPx;
const INNER = SOCIAL_IMAGE.width - LEFT - 64;
/** Marks the illustrative notice, as the site's banner does. */
const NOTICE_COLOR = SERIES_COLORS[4];

export function composeSocialCard({ locale, siteName, name, subtitle, figures, edition, illustrative }: SocialCardInput): string {
  const { width, height } = SOCIAL_IMAGE;
  const nameLines = fitLabel(name, INNER, 66, 2);
  const nameTop = 170;
  const subtitleY = nameTop + (nameLines.length - 1) * 78 + 58;
  const figureY = Math.max(subtitleY + 130, 420);
  // Figures side by side, each as wide as its value or label, all smaller together if they do not fit.
  const GAP = 64;
  const widths = figures.map((figure) => Math.max(estimateTextWidth(figure.value, 56), estimateTextWidth(figure.label, 28)));
  const scale = Math.min(1, (INNER - GAP * (figures.length - 1)) / widths.reduce((sum, width) => sum + width, 0));
  const lefts = widths.map((_, index) => LEFT + widths.slice(0, index).reduce((sum, width) => sum + width * scale + GAP, 0));
  const marks = [
    svgText('title', {}, `${name} · ${siteName}`),
    svgElement('rect', { width, height, fill: BACKGROUND_COLOR }),
    svgElement('rect', { width: 20, height, fill: SERIES_COLORS[0] }),
    svgText('text', { x: LEFT, y: 88, 'font-size': 30, fill: MUTED_TEXT_COLOR }, fitLabel(siteName, INNER, 30, 1)[0] ?? ''),
    ...nameLines.map((line, index) => svgText('text', { x: LEFT, y: nameTop + index * 78, 'font-size': 66, 'font-weight': 'bold', fill: TEXT_COLOR }, line)),
    svgText('text', { x: LEFT, y: subtitleY, 'font-size': 30, fill: MUTED_TEXT_COLOR }, fitLabel(subtitle, INNER, 30, 1)[0] ?? ''),
    ...figures.flatMap((figure, index) => [
      svgText('text', { x: round(lefts[index]!), y: figureY, 'font-size': round(56 * scale), 'font-weight': 'bold', fill: TEXT_COLOR }, figure.value),
      svgText('text', { x: round(lefts[index]!), y: round(figureY + 44 * scale), 'font-size': round(28 * scale), fill: MUTED_TEXT_COLOR }, figure.label),
    ]),
    illustrative === undefined
      ? ''
      : svgText('text', { x: LEFT, y: height - 84, 'font-size': 24, fill: NOTICE_COLOR }, fitLabel(illustrative, INNER, 24, 1)[0] ?? ''),
    svgText('text', { x: LEFT, y: height - 44, 'font-size': 24, fill: MUTED_TEXT_COLOR }, fitLabel(edition, INNER, 24, 1)[0] ?? ''),
  ];
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" lang="${escapeXml(locale)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(IMAGE_FONT_FAMILY)}">` +
    `${marks.join('')}</svg>\n`
  );
}
