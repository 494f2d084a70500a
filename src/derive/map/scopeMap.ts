/**
 * The map of one place's page, cut from the region's payload: the place's own villages, towns and
 * areas, drawn in its own outline (a county's from the national outlines) or, for a town, which has
 * no outline, fitted to its villages and seat inside its county's outline. A village page shows its
 * county's map when the region is a city or province, and the region's map otherwise.
 */
import type { PlaceTree } from '../aggregate.ts';
import { ancestorAt, isWithin, LEVEL_LENGTHS } from '../../model/divisionCode.ts';
import type { MapPayload } from './buildMapPayload.ts';
import type { LonLat } from './geodesy.ts';

/** Whose map a place's page draws: its own, or a village's county's (the region's, at county scale or below). */
export function mapScopeOf(tree: PlaceTree, code: string): string {
  const place = tree.places.get(code);
  if (place?.level !== 'village') return code;
  return tree.regionCode.length < LEVEL_LENGTHS.county ? ancestorAt(code, 'county') : tree.regionCode;
}

/** The region's payload cut to a place at or under the region (the region itself: the payload as it is). */
export function scopeMapPayload(payload: MapPayload, tree: PlaceTree, scopeCode: string): MapPayload {
  if (scopeCode === payload.regionCode || !isWithin(scopeCode, payload.regionCode)) return payload;
  const within = (code: string) => isWithin(code, scopeCode);
  const english = payload.locale === 'en';
  const villages = payload.villages.filter((v) => within(v.code));
  const towns = payload.towns.filter((t) => within(t.code));
  const own = payload.areas.find((area) => area.code === scopeCode);
  const place = tree.places.get(scopeCode);
  const name =
    own !== undefined
      ? english
        ? own.nameEn
        : own.name
      : (towns.find((t) => t.code === scopeCode)?.[english ? 'nameEn' : 'name'] ?? place?.name ?? scopeCode);
  const scoped = {
    ...payload,
    regionCode: scopeCode,
    regionName: name,
    villages,
    towns,
    areas: payload.areas.filter((a) => a.code !== scopeCode && within(a.code)),
  };
  if (own !== undefined) {
    return { ...scoped, outline: own.outline === null ? null : { type: 'Feature', properties: {}, geometry: own.outline }, fit: null };
  }
  // A town (or anything below a county): its county's outline, the frame fitted to its villages and seat.
  const county = scopeCode.length > LEVEL_LENGTHS.county ? ancestorAt(scopeCode, 'county') : scopeCode;
  const countyArea = payload.areas.find((area) => area.code === county);
  const outline =
    countyArea === undefined
      ? payload.outline
      : countyArea.outline === null
        ? null
        : { type: 'Feature' as const, properties: {}, geometry: countyArea.outline };
  const seat = towns.find((t) => t.code === scopeCode)?.seat;
  const fit: LonLat[] = [...villages.map((v) => v.display[payload.crs]), ...(seat == null ? [] : [seat[payload.crs]])];
  return { ...scoped, outline, fit: fit.length > 0 ? fit : null };
}
