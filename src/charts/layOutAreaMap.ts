/**
 * The static map of a city or province, laid out at build time: its cities (or counties) as areas
 * shaded by the funds secured in each, named, with their totals, instead of one circle for each of
 * up to 15,000 villages, which no one could read at a few hundred pixels and which cost the page
 * hundreds of kilobytes. A county's map (and a town's, a village's) keeps its villages: layOutMap.
 *
 * An area with no outline (a development zone the national outlines lack) still shows: its villages
 * are drawn as circles, as on a county's map, and its name above them.
 */
import type { MapPayload } from '../derive/map/buildMapPayload.ts';
import { fundsBin, fundsLegend, fundsThresholds, type FundsLegendEntry } from '../derive/map/fundBands.ts';
import { formatHundredths, parseHundredthsText } from '../format/money.ts';
import type { Locale } from '../i18n/locale.ts';
import { isWithin } from '../model/divisionCode.ts';
import { layOutMap, type MapLayout, type MapLayoutOptions } from './layOutMap.ts';
import { roundPx } from './roundPx.ts';

export type AreaMapInput = Pick<MapPayload, 'crs' | 'outline' | 'villages' | 'areas' | 'fit' | 'towns'>;

export type MapAreaShape = {
  code: string;
  /** The SVG path; '' for an area without an outline (its villages are drawn instead). */
  d: string;
  labelX: number;
  labelY: number;
  /** Room for a second line (the funds) under the name. */
  roomy: boolean;
  villages: number;
  /** Exact, as formatHundredths writes it. */
  fundsYuan: string;
  fen: bigint;
  /** The funds band (fundBands.ts) of the area's total, and its colour. */
  band: number;
  color: string;
};

export type AreaMapLayout = MapLayout & {
  areas: MapAreaShape[];
  /** The bands of the areas' totals, from "no funds" up. */
  legend: FundsLegendEntry[];
};

/** The areas a map of this payload shades: those one level under the place (a province's cities, a city's counties). */
export function shadedAreas(data: Pick<AreaMapInput, 'areas'>): AreaMapInput['areas'] {
  const top = Math.min(...data.areas.map((area) => area.code.length));
  return data.areas.filter((area) => area.code.length === top);
}

/** Whether the map draws areas rather than villages: a place with cities or counties under it. */
export function drawsAreas(data: Pick<AreaMapInput, 'areas'>): boolean {
  return data.areas.length > 0;
}

export function layOutAreaMap(data: AreaMapInput, options: MapLayoutOptions, locale: Locale): AreaMapLayout {
  const areas = shadedAreas(data);
  const areaOf = (code: string) => areas.find((area) => isWithin(code, area.code));
  const totals = new Map(areas.map((area) => [area.code, { villages: 0, fen: 0n }]));
  for (const village of data.villages) {
    const area = areaOf(village.code);
    if (area === undefined) continue;
    const total = totals.get(area.code)!;
    total.villages += 1;
    total.fen += parseHundredthsText(village.fundsYuan);
  }
  const unshaped = new Set(areas.filter((area) => area.outline === null).map((area) => area.code));
  // Villages only where an area has no outline to shade; the frame still fits the outline (or, with
  // none, every village, as layOutMap would).
  const villages = data.villages.filter((village) => unshaped.has(areaOf(village.code)?.code ?? ''));
  const fit = data.fit ?? (data.outline === null ? data.villages.map((village) => village.display[data.crs]) : null);
  const towns = data.towns.filter((town) => unshaped.has(areaOf(town.code)?.code ?? ''));
  const layout = layOutMap({ crs: data.crs, outline: data.outline, villages, towns, areas, fit }, options);
  const { areaPaths } = layout;

  const amounts = [...totals.values()].map((total) => total.fen);
  const thresholds = fundsThresholds(amounts);
  const legend = fundsLegend(
    thresholds,
    locale,
    amounts.some((fen) => fen > 0n),
  );
  const colorOf = (band: number) => legend.find((entry) => entry.key === band)?.color ?? legend[0]!.color;
  const shapes = areas.flatMap((area): MapAreaShape[] => {
    const total = totals.get(area.code)!;
    const band = fundsBin(total.fen, thresholds);
    const common = { code: area.code, villages: total.villages, fundsYuan: formatHundredths(total.fen), fen: total.fen, band, color: colorOf(band) };
    const path = areaPaths.find((p) => p.code === area.code);
    if (path !== undefined) {
      // Two lines of 11 px text need some 48 × 30 pixels of the area's own.
      return [{ ...common, d: path.d, labelX: path.labelX, labelY: path.labelY, roomy: path.boxWidth >= 48 && path.boxHeight >= 30 }];
    }
    const own = layout.points.filter((point) => isWithin(point.code, area.code));
    if (own.length === 0) return [];
    // The name just above the area's villages.
    const x = own.reduce((sum, point) => sum + point.x, 0) / own.length;
    const top = Math.min(...own.map((point) => point.y - point.r));
    return [{ ...common, d: '', labelX: roundPx(x), labelY: roundPx(top - 4), roomy: false }];
  });
  return { ...layout, areas: shapes, legend };
}
