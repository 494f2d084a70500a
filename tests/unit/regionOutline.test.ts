import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EARTH_RADIUS_METRES, metresOutside, readOutline, rewindForD3 } from '../../src/model/regionOutline.ts';

// A 1° square wound the GeoJSON way (counter-clockwise), which d3 reads as the rest of the world.
const square: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [109, 39],
        [110, 39],
        [110, 40],
        [109, 40],
        [109, 39],
      ],
    ],
  ],
};
const metresPerDegree = (EARTH_RADIUS_METRES * Math.PI) / 180;

describe('metresOutside', () => {
  const outline = rewindForD3(square);

  it('is 0 inside and on the edge, whichever way the file winds its rings', () => {
    expect(metresOutside(outline, [109.5, 39.5])).toBe(0);
    expect(metresOutside(rewindForD3(outline), [109.5, 39.5])).toBe(0);
  });

  it('is the distance to the nearest edge, across the edge or to a corner', () => {
    // 0.1° east of the east edge, a meridian, at 39.5°N: a degree of longitude is shorter there by cos(latitude).
    expect(metresOutside(outline, [110.1, 39.5])).toBeCloseTo(0.1 * metresPerDegree * Math.cos((39.5 * Math.PI) / 180), 0);
    // 0.1° north of the top edge: the edge is a great circle, which bulges about 120 m north of the 40th parallel mid-way.
    expect(Math.abs(metresOutside(outline, [109.5, 40.1]) - (0.1 * metresPerDegree - 120))).toBeLessThan(10);
    // Beyond the north-east corner, the corner is the nearest point.
    const corner = metresOutside(outline, [110.1, 40.1]);
    expect(corner).toBeGreaterThan(metresOutside(outline, [109.5, 40.1]));
  });

  it('puts (0, 0) and Beijing far outside the default region, and none of its villages', () => {
    const region = rewindForD3(
      readOutline(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'region', 'geo', '150627-boundary.wgs84.geojson'), 'utf8'))),
    );
    expect(metresOutside(region, [0, 0])).toBeGreaterThan(10_000_000);
    expect(metresOutside(region, [116.397128, 39.916527])).toBeGreaterThan(400_000);
    expect(metresOutside(region, [109.77822, 39.248359])).toBe(0);
  });
});
