/**
 * The region's outline for the map: simplified, rounded, and moved to the tiles' coordinate system
 * (reading it from GeoJSON is src/model/regionOutline.ts, which the validator shares).
 */
import type { MultiPolygon, Position } from 'geojson';
import type { MapCrs } from '../../config/tileConfig.ts';
import { EARTH_RADIUS_METRES } from '../../model/regionOutline.ts';
import { roundLonLat, toGcj02, type LonLat } from './geodesy.ts';

/** Outline of the region: one MultiPolygon, properties dropped (they would only add bytes). */
export type MapOutline = { type: 'Feature'; properties: Record<string, never>; geometry: MultiPolygon };

/** Perpendicular distance from p to the segment a–b, in the plane of the caller's coordinates. */
function distanceToSegment(p: LonLat, a: LonLat, b: LonLat): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas–Peucker on an open line: indexes of the points to keep (first and last always). */
function keepIndexes(points: readonly LonLat[], from: number, to: number, tolerance: number, keep: Set<number>): void {
  const stack: [number, number][] = [[from, to]];
  keep.add(from).add(to);
  while (stack.length > 0) {
    const [start, end] = stack.pop()!;
    let farthest = -1;
    let farthestDistance = tolerance;
    for (let i = start + 1; i < end; i += 1) {
      const distance = distanceToSegment(points[i]!, points[start]!, points[end]!);
      if (distance > farthestDistance) {
        farthest = i;
        farthestDistance = distance;
      }
    }
    if (farthest >= 0) {
      keep.add(farthest);
      stack.push([start, farthest], [farthest, end]);
    }
  }
}

/**
 * A closed ring with every vertex dropped that lies within `toleranceMetres` of the simplified line
 * (Douglas–Peucker in a local plane). The geometry is good to about 100 m anyway, and every vertex
 * costs bytes on every page that draws the map. A ring that would collapse is kept as it was.
 */
export function simplifyRing(ring: readonly Position[], toleranceMetres: number): LonLat[] {
  const points = ring.map((p): LonLat => [p[0]!, p[1]!]);
  if (points.length <= 4 || toleranceMetres <= 0) return points;
  const latitude = points.reduce((sum, p) => sum + p[1], 0) / points.length;
  const metresPerDegree = (EARTH_RADIUS_METRES * Math.PI) / 180;
  const planar = points.map(([lon, lat]): LonLat => [lon * metresPerDegree * Math.cos((latitude * Math.PI) / 180), lat * metresPerDegree]);
  // A closed ring has no natural ends: split it at the vertex farthest from the first one.
  const last = points.length - 1;
  let split = 1;
  for (let i = 1; i < last; i += 1) {
    if (
      Math.hypot(planar[i]![0] - planar[0]![0], planar[i]![1] - planar[0]![1]) >
      Math.hypot(planar[split]![0] - planar[0]![0], planar[split]![1] - planar[0]![1])
    )
      split = i;
  }
  const keep = new Set<number>();
  keepIndexes(planar, 0, split, toleranceMetres, keep);
  keepIndexes(planar, split, last, toleranceMetres, keep);
  const kept = [...keep].sort((a, b) => a - b).map((i) => points[i]!);
  return kept.length >= 4 ? kept : points;
}

/** Simplified, rounded to 1e-5° (about 1 m), with vertices that rounding made equal merged. */
export function prepareOutline(geometry: MultiPolygon, toleranceMetres: number): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((polygon) =>
      polygon.map((ring) =>
        simplifyRing(ring, toleranceMetres)
          .map((p) => roundLonLat(p, 5))
          .filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]),
      ),
    ),
  };
}

export function transformOutline(geometry: MultiPolygon, to: MapCrs): MultiPolygon {
  if (to === 'wgs84') return geometry;
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map((p) => toGcj02([p[0]!, p[1]!])))),
  };
}
