/**
 * The sunflower spiral on which a town's villages without a surveyed point are spread around its
 * seat: the i-th of n points at i × the golden angle, at √((i + ½) / n) of the radius, which fills a
 * disc evenly however many there are. One definition for the geographic spread (geodesy.ts), the
 * static SVG map (layOutMap.ts) and the interactive map (progressMap.ts), so all three agree. The
 * geographic spread and its rounding are here rather than in geodesy.ts so that the browser, which
 * recomputes the spread from each seat (clientPayload.ts), does not load gcoord with them.
 */
import { EARTH_RADIUS_METRES, type LonLat } from '../../model/regionOutline.ts';

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** How far a town-seat village may be drawn from the seat (the outermost of the spiral). */
export const DEFAULT_SPREAD_METRES = 2500;

const roundDegrees = (value: number, decimals = 6): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor + 0;
};
/** A point rounded to `decimals` places of a degree (6: about 0.1 m). */
export const roundLonLat = ([lon, lat]: LonLat, decimals = 6): LonLat => [roundDegrees(lon, decimals), roundDegrees(lat, decimals)];

/** The i-th of `count` points on a spiral of radius 1, as [east, north]. */
export function sunflowerPoint(i: number, count: number): [number, number] {
  const distance = Math.sqrt((i + 0.5) / count);
  return [distance * Math.cos(i * GOLDEN_ANGLE), distance * Math.sin(i * GOLDEN_ANGLE)];
}

/**
 * Screen offsets (y down) for circles of the given radii on the spiral, in the order given, scaled
 * up from `atLeast` pixels until no two circles overlap (1 px gap): the geographic spread, made wide
 * enough to see every village. One circle stays on the centre.
 */
export function spreadInPixels(radii: readonly number[], atLeast: number): [number, number][] {
  const count = radii.length;
  if (count <= 1) return radii.map(() => [0, 0]);
  const at = (spiral: number) =>
    radii.map((_, i): [number, number] => {
      const [east, north] = sunflowerPoint(i, count);
      return [spiral * east, -spiral * north];
    });
  const overlaps = (offsets: [number, number][]) =>
    offsets.some((a, i) => offsets.some((b, j) => j > i && Math.hypot(a[0] - b[0], a[1] - b[1]) < radii[i]! + radii[j]! + 1));
  let spiral = Math.max(atLeast, 1);
  let offsets = at(spiral);
  // Each step widens by 10%; the nearest neighbours move apart in proportion, so this ends.
  while (overlaps(offsets)) {
    spiral *= 1.1;
    offsets = at(spiral);
  }
  return offsets;
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
