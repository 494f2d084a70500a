/**
 * Colours for charts and maps. Every series colour has a contrast ratio of at least 3:1 against white (WCAG 2.1
 * 1.4.11, graphical objects) and every text colour at least 4.5:1 (1.4.3); tests/unit/charts.test.ts
 * computes both. The series colours start from the Okabe–Ito set, which stays distinguishable with the
 * common colour-vision deficiencies, darkened where a colour was too light for white paper (its yellow
 * and sky blue are dropped). Colour is never the only carrier of meaning: each series also gets a fill
 * pattern and a dash pattern, and charts label series in words.
 */
import type { Sector, Stage } from '../model/vocabulary.ts';

export const SERIES_COLORS = [
  '#0072b2', // blue
  '#d55e00', // vermillion
  '#009e73', // bluish green
  '#5b3a8c', // dark purple
  '#8a5a00', // dark amber (Okabe–Ito orange, darkened)
  '#cc79a7', // reddish purple
  '#4b5563', // slate grey
] as const;

/** Body text on charts (tick labels, value labels, legends). */
export const TEXT_COLOR = '#1f2937';
/** Secondary text (notes, axis titles). */
export const MUTED_TEXT_COLOR = '#4b5563';
/** Axis lines and tick marks, which a reader needs to read values, so held to 3:1 like the marks. */
export const AXIS_COLOR = '#6b7280';
/** Grid lines are a faint reading aid, not needed to understand the chart, so exempt from 3:1. */
export const GRID_COLOR = '#e5e7eb';
/** Background the contrast ratios are computed against. */
export const BACKGROUND_COLOR = '#ffffff';

export const PATTERNS = ['solid', 'diagonal', 'dots', 'horizontal', 'crosshatch', 'vertical', 'diagonal-reverse'] as const;
export type PatternName = (typeof PATTERNS)[number];

/**
 * How one series is drawn. Colour is never the only carrier of meaning: each series also has a fill
 * pattern (bars), a dash pattern (lines) and its label, which the charts print next to the marks.
 */
export type SeriesStyle = {
  key: string;
  label: string;
  color: string;
  pattern: PatternName;
  /** SVG stroke-dasharray; '' is a solid line. */
  dash: string;
};

/** Stroke dash arrays for line series, in the same order as the colours. */
export const DASHES = ['', '6 3', '2 3', '10 3 2 3', '12 4', '4 4', '1 3'] as const;

/**
 * Styles for series in order: colour, pattern and dash advance together, so the first series is
 * always solid blue. Past seven series the colours repeat but the pairing with patterns shifts,
 * so no two of the first 49 series look the same.
 */
export function styleSeries(series: readonly { key: string; label: string }[]): SeriesStyle[] {
  return series.map(({ key, label }, index) => {
    const round = Math.floor(index / SERIES_COLORS.length);
    return {
      key,
      label,
      color: SERIES_COLORS[index % SERIES_COLORS.length]!,
      pattern: PATTERNS[(index + round) % PATTERNS.length]!,
      dash: DASHES[(index + round) % DASHES.length]!,
    };
  });
}

// The map's category colours (markers and legends of both maps), Okabe–Ito based, each at least 3:1
// against white like the series colours; src/styles/map.css repeats them.
export const STAGE_COLORS: Readonly<Record<Stage | 'none', string>> = {
  planning: '#5b3a8c',
  preliminary: '#8a5a00',
  construction: '#d55e00',
  operating: '#007a5a',
  suspended: '#1f2937',
  none: '#6b7280',
};

export const SECTOR_COLORS: Readonly<Record<Sector | 'none', string>> = {
  farming: '#007a5a',
  industry: '#0072b2',
  commerce: '#d55e00',
  herding: '#a8487f',
  none: '#6b7280',
};

/** Light to dark; every marker also has a dark outline, so even the lightest band stands out. */
export const FUNDS_COLORS = ['#f3f4f6', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;
