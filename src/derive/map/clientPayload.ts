/**
 * The map payload as the browser receives it: only what the interactive map reads.
 */
import type { LonLat } from './geodesy.ts';
import type { MapPayload } from './buildMapPayload.ts';
import type { MapVillage } from './mapVillages.ts';

/** A village as the browser's map needs it: points already in the page's coordinate system. */
export type ClientMapVillage = Pick<
  MapVillage,
  | 'code'
  | 'name'
  | 'nameEn'
  | 'townCode'
  | 'precision'
  | 'approximate'
  | 'fundsText'
  | 'fundsScale'
  | 'fundsBin'
  | 'projects'
  | 'sectors'
  | 'mainSector'
  | 'latestStage'
  | 'stageByMonth'
  | 'unit'
  | 'enterprise'
  | 'illustrative'
> & {
  /** Where the marker is drawn (the display point, in the payload's crs). */
  point: LonLat;
  /** Where the village is stored (in crs); approximate villages sharing it are spread together. */
  stored: LonLat;
};

export type ClientMapPayload = Omit<MapPayload, 'villages'> & { villages: ClientMapVillage[] };

/**
 * The payload without what the browser never reads — the other coordinate system, monthly income,
 * town names repeated per village, exact yuan — because the map page must stay within its byte
 * budget (SITE.md: ≤ 90 KB gzip with Leaflet), and those fields cost a third of the JSON. On Chinese
 * pages the English names are replaced by the Chinese ones, so no English travels with a Chinese page.
 */
export function toClientPayload(payload: MapPayload): ClientMapPayload {
  const english = payload.locale === 'en';
  return {
    ...payload,
    towns: payload.towns.map((town) => ({ ...town, nameEn: english ? town.nameEn : town.name })),
    areas: payload.areas.map((area) => ({ ...area, nameEn: english ? area.nameEn : area.name })),
    villages: payload.villages.map((v) => ({
      code: v.code,
      name: v.name,
      nameEn: english ? v.nameEn : v.name,
      townCode: v.townCode,
      precision: v.precision,
      approximate: v.approximate,
      fundsText: v.fundsText,
      fundsScale: v.fundsScale,
      fundsBin: v.fundsBin,
      projects: v.projects,
      sectors: v.sectors,
      mainSector: v.mainSector,
      latestStage: v.latestStage,
      stageByMonth: v.stageByMonth,
      unit: v.unit,
      enterprise: v.enterprise,
      illustrative: v.illustrative,
      point: v.display[payload.crs],
      stored: v[payload.crs],
    })),
  };
}
