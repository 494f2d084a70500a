/**
 * Points on the earth for the map: rounding, WGS-84 ↔ GCJ-02 (the offset Chinese tile providers use),
 * and spreading points around a centre on the sunflower spiral, in metres.
 */
import gcoord from 'gcoord';
import { sunflowerPoint } from './sunflower.ts';
import { EARTH_RADIUS_METRES, type LonLat } from '../../model/regionOutline.ts';

export type { LonLat } from '../../model/regionOutline.ts';

const roundDegrees = (value: number, decimals = 6): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor + 0;
};
export const roundLonLat = ([lon, lat]: LonLat, decimals = 6): LonLat => [roundDegrees(lon, decimals), roundDegrees(lat, decimals)];

export function toGcj02(point: LonLat): LonLat {
  const [lon, lat] = gcoord.transform<[number, number]>([point[0], point[1]], gcoord.WGS84, gcoord.GCJ02);
  return roundLonLat([lon, lat]);
}

/** GCJ-02 (AMap, Vonng/adcode) → WGS-84 by gcoord's iterative inverse, rounded to 6 decimals (about 0.1 m). */
export function toWgs84(point: LonLat): LonLat {
  const [lon, lat] = gcoord.transform<[number, number]>([point[0], point[1]], gcoord.GCJ02, gcoord.WGS84);
  return roundLonLat([lon, lat]);
}

/**
 * `count` points around `center`, at most `radiusMetres` away, on the sunflower spiral (sunflower.ts).
 * One point stays on the centre: there is nothing to keep apart.
 */
export function spreadAround(center: LonLat, count: number, radiusMetres: number): LonLat[] {
  if (count <= 1) return count === 1 ? [roundLonLat(center)] : [];
  const [lon, lat] = center;
  const metresPerDegreeLat = (EARTH_RADIUS_METRES * Math.PI) / 180;
  const metresPerDegreeLon = metresPerDegreeLat * Math.cos((lat * Math.PI) / 180);
  return Array.from({ length: count }, (_, i) => {
    const [east, north] = sunflowerPoint(i, count);
    return roundLonLat([lon + (radiusMetres * east) / metresPerDegreeLon, lat + (radiusMetres * north) / metresPerDegreeLat]);
  });
}
