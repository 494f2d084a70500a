/**
 * The map's legends: one entry per stage, per sector and per funds band, each with its colour class.
 */
import { SECTOR_COLORS, STAGE_COLORS } from '../../format/palette.ts';
import type { Bilingual, Locale } from '../../i18n/locale.ts';
import { SECTORS, SECTOR_KEYS, STAGES, STAGE_KEYS, type Sector, type Stage } from '../../model/vocabulary.ts';
import { fundsLegend, fundsThresholds, type FundsLegendEntry } from './fundBands.ts';

export type LegendEntry<K extends string> = {
  key: K;
  /** The class markers of this category carry; src/styles/map.css colours it. */
  className: string;
  color: string;
  /** The category's name in the page's language; null for `none`, which the page's dictionary names. */
  label: string | null;
};

export type MapLegends = {
  stage: LegendEntry<Stage | 'none'>[];
  sector: LegendEntry<Sector | 'none'>[];
  funds: FundsLegendEntry[];
};

function vocabularyLegend<K extends string>(
  keys: readonly K[],
  labelOf: (key: K) => Bilingual,
  colors: Readonly<Record<K | 'none', string>>,
  prefix: string,
  locale: Locale,
): LegendEntry<K | 'none'>[] {
  return [
    ...keys.map((key) => ({ key, className: `${prefix}-${key}`, color: colors[key], label: labelOf(key)[locale === 'en' ? 'en' : 'zh'] })),
    { key: 'none' as const, className: `${prefix}-none`, color: colors.none, label: null },
  ];
}

export function buildLegends(funds: readonly bigint[], locale: Locale): MapLegends {
  return {
    stage: vocabularyLegend(STAGE_KEYS, (k) => STAGES[k], STAGE_COLORS, 'stage', locale),
    sector: vocabularyLegend(SECTOR_KEYS, (k) => SECTORS[k], SECTOR_COLORS, 'sector', locale),
    funds: fundsLegend(
      fundsThresholds(funds),
      locale,
      funds.some((f) => f > 0n),
    ),
  };
}
