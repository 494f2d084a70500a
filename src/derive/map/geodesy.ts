/**
 * Points on the earth for the map: rounding, WGS-84 ↔ GCJ-02 (the offset Chinese tile providers use),
 * and spreading points around a centre on the sunflower spiral, in metres.
 */
import gcoord from 'gcoord';
import type { LonLat } from '../../model/regionOutline.ts';

// Rounding and the spread around a seat live with the spiral, so the browser's map can use them without gcoord.
import { roundLonLat } from './sunflower.ts';
export { roundLonLat, spreadAround } from './sunflower.ts';

export type { LonLat } from '../../model/regionOutline.ts';

export function toGcj02(point: LonLat): LonLat {
  const [lon, lat] = gcoord.transform<[number, number]>([point[0], point[1]], gcoord.WGS84, gcoord.GCJ02);
  return roundLonLat([lon, lat]);
}

/** GCJ-02 (AMap, Vonng/adcode) → WGS-84 by gcoord's iterative inverse, rounded to 6 decimals (about 0.1 m). */
export function toWgs84(point: LonLat): LonLat {
  const [lon, lat] = gcoord.transform<[number, number]>([point[0], point[1]], gcoord.GCJ02, gcoord.WGS84);
  return roundLonLat([lon, lat]);
}
