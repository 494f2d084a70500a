/**
 * The region's outline, shared by the validator (is a village inside its region?) and the map (what
 * to draw): read from any GeoJSON shape, wound the way d3-geo reads it, and the distance on the
 * earth from a point outside it to its edge.
 */
import { geoArea, geoContains } from 'd3-geo';
import type { MultiPolygon, Position } from 'geojson';

/** [longitude, latitude] in degrees, as GeoJSON orders them. */
export type LonLat = [number, number];

/**
 * The data folder's file of the outlines of the cities and counties under a province or city
 * (`geo/1506-areas.wgs84.geojson`, written by init-region): features with `code` and `level`.
 */
export const areaOutlinesFile = (regionCode: string): string => `${regionCode}-areas.wgs84.geojson`;

/** The mean radius of the earth (IUGG), in metres. */
export const EARTH_RADIUS_METRES = 6_371_008.8;

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}
const isRing = (value: unknown): value is Position[] => Array.isArray(value) && value.length >= 4 && value.every(isPosition);
const isPolygonCoordinates = (value: unknown): value is Position[][] => Array.isArray(value) && value.length >= 1 && value.every(isRing);

/**
 * The polygons of a parsed GeoJSON file (FeatureCollection, Feature or bare geometry) as one
 * MultiPolygon; anything that is not a polygon is ignored. Throws when there is no polygon at all,
 * since a file that is there but unreadable should stop the build, not draw an empty map.
 */
export function readOutline(json: unknown): MultiPolygon {
  const polygons: Position[][][] = [];
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const object = node as { type?: unknown; features?: unknown; geometry?: unknown; geometries?: unknown; coordinates?: unknown };
    if (object.type === 'FeatureCollection' && Array.isArray(object.features)) object.features.forEach(visit);
    else if (object.type === 'Feature') visit(object.geometry);
    else if (object.type === 'GeometryCollection' && Array.isArray(object.geometries)) object.geometries.forEach(visit);
    else if (object.type === 'Polygon' && isPolygonCoordinates(object.coordinates)) polygons.push(object.coordinates);
    else if (object.type === 'MultiPolygon' && Array.isArray(object.coordinates) && object.coordinates.every(isPolygonCoordinates)) {
      polygons.push(...object.coordinates);
    }
  };
  visit(json);
  if (polygons.length === 0) {
    throw new Error('边界文件中没有多边形（Polygon/MultiPolygon）。\nThe boundary file holds no Polygon or MultiPolygon.');
  }
  return { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * The outlines of a parsed areas file (areaOutlinesFile), by each feature's `code` property.
 * Features without a code or a polygon are skipped: an area without an outline is drawn without one.
 */
export function readAreaOutlines(json: unknown): Map<string, MultiPolygon> {
  const found = new Map<string, MultiPolygon>();
  const features = (json as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return found;
  for (const feature of features as { properties?: { code?: unknown } }[]) {
    const code = feature?.properties?.code;
    if (typeof code !== 'string') continue;
    try {
      found.set(code, readOutline(feature));
    } catch {
      continue;
    }
  }
  return found;
}

/**
 * d3-geo reads a ring's winding on the sphere: a ring wound the GeoJSON (RFC 7946) way is taken as
 * "everything but this region" and would fill the whole world. Reverse any polygon that comes out
 * larger than a hemisphere.
 */
export function rewindForD3(geometry: MultiPolygon): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((polygon) =>
      geoArea({ type: 'Polygon', coordinates: polygon }) > 2 * Math.PI ? polygon.map((ring) => [...ring].reverse()) : polygon,
    ),
  };
}

type Vector = [number, number, number];

const RADIANS = Math.PI / 180;
const toVector = (lon: number, lat: number): Vector => {
  const [lambda, phi] = [lon * RADIANS, lat * RADIANS];
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
};
const dot = (a: Vector, b: Vector): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vector, b: Vector): Vector => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: Vector): number => Math.hypot(a[0], a[1], a[2]);
/** The angle between two unit vectors, accurate at any size (atan2 rather than acos). */
const angle = (a: Vector, b: Vector): number => Math.atan2(norm(cross(a, b)), dot(a, b));

/** The angle from p to the great-circle arc a–b: across to the arc, or to its nearer end. */
function angleToArc(p: Vector, a: Vector, b: Vector): number {
  const normal = cross(a, b);
  const length = norm(normal);
  if (length < 1e-15) return angle(p, a);
  const n: Vector = [normal[0] / length, normal[1] / length, normal[2] / length];
  const across = dot(p, n);
  // p moved onto the arc's great circle: between a and b when it is on the inner side of both ends.
  const foot: Vector = [p[0] - across * n[0], p[1] - across * n[1], p[2] - across * n[2]];
  if (dot(cross(a, foot), n) >= 0 && dot(cross(foot, b), n) >= 0) return Math.asin(Math.min(1, Math.abs(across)));
  return Math.min(angle(p, a), angle(p, b));
}

/**
 * How far a point lies outside the outline, in metres along the earth's surface: 0 when it is inside
 * (or on the edge), otherwise the distance to the nearest edge. `outline` must be wound for d3
 * (rewindForD3).
 */
export function metresOutside(outline: MultiPolygon, [lon, lat]: LonLat): number {
  if (geoContains(outline, [lon, lat])) return 0;
  const p = toVector(lon, lat);
  let nearest = Math.PI;
  for (const polygon of outline.coordinates) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i += 1) {
        const a = ring[i - 1]!;
        const b = ring[i]!;
        nearest = Math.min(nearest, angleToArc(p, toVector(a[0]!, a[1]!), toVector(b[0]!, b[1]!)));
      }
    }
  }
  return nearest * EARTH_RADIUS_METRES;
}
