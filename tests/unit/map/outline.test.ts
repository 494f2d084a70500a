import { describe, expect, test } from 'vitest';
import type { LonLat } from '../../../src/derive/map/geodesy.ts';
import { prepareOutline, simplifyRing } from '../../../src/derive/map/outline.ts';
import { readOutline } from '../../../src/model/regionOutline.ts';

describe('outline', () => {
  const square: LonLat[] = [
    [109, 39],
    [109.5, 39],
    [110, 39],
    [110, 39.5],
    [110, 40],
    [109, 40],
    [109, 39],
  ];

  test('drops vertices that lie on a straight edge and keeps the corners', () => {
    expect(simplifyRing(square, 100)).toEqual([
      [109, 39],
      [110, 39],
      [110, 40],
      [109, 40],
      [109, 39],
    ]);
  });

  test('keeps a bump larger than the tolerance', () => {
    const bumped: LonLat[] = [
      [109, 39],
      [109.5, 38.99],
      [110, 39],
      [110, 40],
      [109, 40],
      [109, 39],
    ];
    expect(simplifyRing(bumped, 100)).toContainEqual([109.5, 38.99]);
    expect(simplifyRing(bumped, 2000)).not.toContainEqual([109.5, 38.99]);
  });

  test('reads polygons from a FeatureCollection and refuses a file without any', () => {
    const collection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square] } }] };
    expect(readOutline(collection).coordinates).toEqual([[square]]);
    expect(() => readOutline({ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] } })).toThrow(/Polygon/);
  });

  test('rounds to five decimals and merges vertices that rounding made equal', () => {
    const ring: LonLat[] = [
      [109, 39],
      [109.000001, 39.000001],
      [110, 39],
      [110, 40],
      [109, 39],
    ];
    expect(prepareOutline({ type: 'MultiPolygon', coordinates: [[ring]] }, 0).coordinates[0]![0]).toEqual([
      [109, 39],
      [110, 39],
      [110, 40],
      [109, 39],
    ]);
  });
});
