/**
 * The static progress map, laid out at build time so it reads without JavaScript: the region's
 * outline as one SVG path and each village as a circle whose area grows with its funds and whose
 * colour is its latest stage. Villages whose display point is a spread position near their town seat
 * are flagged so the component draws them as dashed rings, not as located dots.
 *
 * Mercator, like the interactive map, so the two look alike; fitted to the outline (or to the
 * villages when there is none).
 */
import { group } from 'd3-array';
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { scaleSqrt } from 'd3-scale';
import type { LonLat } from '../derive/map/geodesy.ts';
import type { MapVillage } from '../derive/map/mapVillages.ts';
import type { MapOutline } from '../derive/map/outline.ts';
import type { MapArea } from '../derive/map/buildMapPayload.ts';
import { spreadInPixels } from '../derive/map/sunflower.ts';
import type { MapCrs } from '../config/tileConfig.ts';
import { rewindForD3 } from '../model/regionOutline.ts';
import type { StaticMapLabels } from './mapLabels.ts';
import { STAGE_COLORS } from '../format/palette.ts';
import type { Stage } from '../model/vocabulary.ts';
import { roundPx } from './roundPx.ts';
import { fill } from '../i18n/fill.ts';

export type MapLayoutInput = {
  crs: MapCrs;
  outline: MapOutline | null;
  villages: readonly Pick<MapVillage, 'code' | 'townCode' | 'wgs84' | 'gcj02' | 'display' | 'approximate' | 'fundsYuan' | 'latestStage'>[];
  towns?: readonly { code: string; seat: { wgs84: LonLat; gcj02: LonLat } | null }[];
  /** Cities or counties under the place; those one level down are drawn as thin lines inside its outline. */
  areas?: readonly Pick<MapArea, 'code' | 'outline'>[];
  /** Points to fit instead of the outline (a town inside its county's outline). */
  fit?: readonly LonLat[] | null;
};

export type MapLayoutOptions = {
  width: number;
  /** When absent, the height that fits the outline at this width (plus padding). */
  height?: number;
  padding?: number;
  /** Radius of a village with no funds and of the one with the most, in pixels. */
  radius?: readonly [number, number];
  /** A village to draw on top, larger, with a highlight ring (the village's own page). */
  highlight?: string;
};

export type MapPoint = {
  code: string;
  x: number;
  y: number;
  r: number;
  /** `map-point stage-<stage> surveyed|approximate[ highlighted]`. */
  className: string;
  stage: Stage | 'none';
  color: string;
  approximate: boolean;
  highlighted: boolean;
};

export type MapLayout = {
  width: number;
  height: number;
  outlinePath: string;
  /** The outline of each city or county one level under the place that has one, with its size in pixels. */
  areaPaths: { code: string; d: string; labelX: number; labelY: number; boxWidth: number; boxHeight: number }[];
  points: MapPoint[];
  /** Town seats, with where to put the town's name: above its cluster of approximate villages. */
  seats: { code: string; x: number; y: number; labelY: number }[];
};

const DEFAULT_RADIUS: readonly [number, number] = [3, 9];

export function layOutMap(data: MapLayoutInput, options: MapLayoutOptions): MapLayout {
  const { width } = options;
  const padding = options.padding ?? 8;
  const [minRadius, maxRadius] = options.radius ?? DEFAULT_RADIUS;
  const outline = data.outline === null ? null : rewindForD3(data.outline.geometry);
  const points = data.villages.map((v) => v.display[data.crs]);
  // What the frame is fitted to: given points, else the outline, else the villages.
  const fitPoints: readonly LonLat[] | null = data.fit ?? (outline === null ? points : null);
  // One village alone still gets a frame around it.
  const subject: GeoPermissibleObjects =
    fitPoints === null ? outline! : { type: 'MultiPoint', coordinates: fitPoints.length > 0 ? fitPoints.map((p) => [...p]) : [[0, 0]] };

  const projection = geoMercator();
  let height = options.height;
  // One place (or several on one spot) spans no area to fit: centre it at a fixed town-sized scale.
  // Points a tenth of a metre apart (the data's sixth decimal) are one spot: fitting them would zoom without end.
  const distinct = fitPoints === null ? Number.POSITIVE_INFINITY : new Set(fitPoints.map((p) => p.map((c) => c.toFixed(6)).join(','))).size;
  if (distinct <= 1) {
    height ??= Math.round(width * 0.75);
    projection
      .scale(20_000)
      .center(fitPoints?.[0] ?? [0, 0])
      .translate([width / 2, height / 2]);
  } else {
    if (height === undefined) {
      projection.fitWidth(width - 2 * padding, subject);
      const [[, top], [, bottom]] = geoPath(projection).bounds(subject);
      // Points, unlike an outline, may lie in a narrow band: no flatter than 2:1, no taller than 5:4.
      height =
        fitPoints === null
          ? Math.ceil(bottom - top + 2 * padding)
          : Math.min(Math.max(Math.ceil(bottom - top + 2 * padding), Math.round(width / 2)), Math.round(width * 1.25));
    }
    const inset = padding + maxRadius;
    projection.fitExtent(
      [
        [inset, inset],
        [width - inset, height - inset],
      ],
      subject,
    );
  }
  const frameHeight = height;

  const fundsOf = (v: MapLayoutInput['villages'][number]) => Number(v.fundsYuan);
  const largest = Math.max(0, ...data.villages.map(fundsOf));
  const radius = scaleSqrt()
    .domain([0, largest > 0 ? largest : 1])
    .range([minRadius, maxRadius])
    .clamp(true);

  const project = (point: LonLat): [number, number] => projection(point) ?? [Number.NaN, Number.NaN];
  const radiusOf = (village: MapLayoutInput['villages'][number]) => radius(fundsOf(village)) + (village.code === options.highlight ? 2 : 0);
  // Villages stored at one point: a seat's approximate ones, or surveyed ones the source gives the same point.
  const groups = group(data.villages, (village) => village[data.crs].join(','));
  const placeVillages = () => {
    const positions = new Map(data.villages.map((village) => [village.code, project(village.display[data.crs])]));
    // At this scale a spread of a few kilometres is a few pixels, and the circles of a town's villages
    // would cover one another (as would villages the source puts on one point): spread each group
    // again in pixels, just wide enough that no two overlap, around the point they are stored at.
    for (const spot of groups.values()) {
      if (spot.length === 1 && !spot[0]!.approximate) continue;
      const centre = project(spot[0]![data.crs]);
      const geographic = Math.max(...spot.map((v) => Math.hypot(positions.get(v.code)![0] - centre[0], positions.get(v.code)![1] - centre[1])));
      const spread = spreadInPixels(spot.map(radiusOf), geographic);
      spot.forEach((village, i) => positions.set(village.code, [centre[0] + spread[i]![0], centre[1] + spread[i]![1]]));
    }
    return positions;
  };
  let positions = placeVillages();
  // A spread in pixels can reach past the frame (many villages at one seat on a town's map, a
  // cluster at the outline's edge): narrow the fitted extent by what stuck out, and fit again.
  if (distinct > 1) {
    const inset = padding + maxRadius;
    let extent: [[number, number], [number, number]] = [
      [inset, inset],
      [width - inset, frameHeight - inset],
    ];
    for (let attempt = 0; attempt < 12; attempt++) {
      const circles = data.villages.map((v) => ({ at: positions.get(v.code)!, r: radiusOf(v) }));
      const left = Math.max(0, ...circles.map(({ at, r }) => padding - (at[0] - r)));
      const top = Math.max(0, ...circles.map(({ at, r }) => padding - (at[1] - r)));
      const right = Math.max(0, ...circles.map(({ at, r }) => at[0] + r - (width - padding)));
      const bottom = Math.max(0, ...circles.map(({ at, r }) => at[1] + r - (frameHeight - padding)));
      if (left + top + right + bottom < 0.05) break;
      const narrower: typeof extent = [
        [extent[0][0] + left, extent[0][1] + top],
        [extent[1][0] - right, extent[1][1] - bottom],
      ];
      // Nothing left to fit into: keep the last frame rather than turn the map inside out.
      if (narrower[1][0] - narrower[0][0] < 1 || narrower[1][1] - narrower[0][1] < 1) break;
      extent = narrower;
      projection.fitExtent(extent, subject);
      positions = placeVillages();
    }
  }

  const outlinePath = outline === null ? '' : (geoPath(projection).digits(1)(outline) ?? '');
  // Only the level just below the place (a province's cities, not their counties too): a picture of
  // a few hundred pixels has no room for two levels of lines.
  const areas = data.areas ?? [];
  const topLength = Math.min(...areas.map((area) => area.code.length));
  const areaPaths = areas
    .filter((area) => area.code.length === topLength)
    .flatMap((area) => {
      if (area.outline === null) return [];
      const geometry = rewindForD3(area.outline);
      // Its name at the centre of its area (a ring-shaped county's name may fall on its hole: rare).
      const [labelX, labelY] = geoPath(projection).centroid(geometry);
      const [[left, top], [right, bottom]] = geoPath(projection).bounds(geometry);
      return [
        {
          code: area.code,
          d: geoPath(projection).digits(1)(geometry) ?? '',
          labelX: roundPx(labelX),
          labelY: roundPx(labelY),
          boxWidth: roundPx(right - left),
          boxHeight: roundPx(bottom - top),
        },
      ];
    });

  const laidOut = data.villages.map((village): MapPoint => {
    const [x, y] = positions.get(village.code)!;
    const stage = village.latestStage ?? 'none';
    const highlighted = village.code === options.highlight;
    const r = radiusOf(village);
    return {
      code: village.code,
      x: roundPx(x),
      y: roundPx(y),
      r: roundPx(r),
      className: ['map-point', `stage-${stage}`, village.approximate ? 'approximate' : 'surveyed', ...(highlighted ? ['highlighted'] : [])].join(' '),
      stage,
      color: STAGE_COLORS[stage],
      approximate: village.approximate,
      highlighted,
    };
  });
  // Large circles first so small ones stay visible on top; the highlighted village last of all.
  laidOut.sort((a, b) => Number(a.highlighted) - Number(b.highlighted) || b.r - a.r || a.code.localeCompare(b.code));

  // The top of each town's cluster of approximate villages, in one pass: a county's map is laid out
  // on each of its villages' pages, so a search per town and village added up at province scale.
  const townOf = new Map(data.villages.map((village) => [village.code, village.townCode]));
  const clusterTop = new Map<string, number>();
  for (const p of laidOut) {
    const town = townOf.get(p.code);
    if (p.approximate && town !== undefined) clusterTop.set(town, Math.min(clusterTop.get(town) ?? Number.POSITIVE_INFINITY, p.y - p.r));
  }
  const seats = (data.towns ?? []).flatMap((town) => {
    if (town.seat === null) return [];
    const [x, y] = project(town.seat[data.crs]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return [];
    const top = Math.min(y - 4, clusterTop.get(town.code) ?? Number.POSITIVE_INFINITY);
    return [{ code: town.code, x: roundPx(x), y: roundPx(y), labelY: roundPx(top - 4) }];
  });

  return { width, height, outlinePath, areaPaths, points: laidOut, seats };
}

/**
 * The map's accessible description, from the data: how many villages, how many at each latest
 * stage (most common first, empty stages left out), and how many are drawn at an approximate spot.
 */
export function describeMap(
  data: { regionName: string; villages: readonly Pick<MapVillage, 'latestStage' | 'approximate'>[]; stageLabels: Readonly<Record<Stage | 'none', string>> },
  labels: Pick<StaticMapLabels, 'description' | 'stageCount' | 'listSeparator'>,
  formatCount: (n: number) => string,
): string {
  const counts = new Map<Stage | 'none', number>();
  for (const village of data.villages) counts.set(village.latestStage ?? 'none', (counts.get(village.latestStage ?? 'none') ?? 0) + 1);
  const order = Object.keys(data.stageLabels) as (Stage | 'none')[];
  const stages = [...counts]
    .sort(([a, countA], [b, countB]) => countB - countA || order.indexOf(a) - order.indexOf(b))
    .map(([stage, count]) => fill(labels.stageCount, { stage: data.stageLabels[stage], count: formatCount(count) }))
    .join(labels.listSeparator);
  return fill(labels.description, {
    region: data.regionName,
    count: formatCount(data.villages.length),
    stages,
    approximate: formatCount(data.villages.filter((v) => v.approximate).length),
  });
}
