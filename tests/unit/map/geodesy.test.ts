import { describe, expect, test } from 'vitest';
import { spreadAround } from '../../../src/derive/map/geodesy.ts';
import { SEAT_A, haversineMetres } from './mapFixtures.ts';

describe('spreadAround', () => {
  test('puts nothing anywhere for no villages and a single village on the centre itself', () => {
    expect(spreadAround(SEAT_A, 0, 2000)).toEqual([]);
    expect(spreadAround(SEAT_A, 1, 2000)).toEqual([SEAT_A]);
  });

  test.each([2, 5, 28])('keeps %i villages within the radius and apart from each other', (count) => {
    const points = spreadAround(SEAT_A, count, 2000);
    expect(points).toHaveLength(count);
    for (const point of points) expect(haversineMetres(SEAT_A, point)).toBeLessThanOrEqual(2001);
    const gaps = points.flatMap((a, i) => points.slice(i + 1).map((b) => haversineMetres(a, b)));
    // Evenly filling a 2 km disc leaves each of 28 points roughly 650 m apart; 250 m is a safe floor.
    expect(Math.min(...gaps)).toBeGreaterThan(250);
  });

  test('grows with the radius it is given', () => {
    const far = (radius: number) => Math.max(...spreadAround(SEAT_A, 10, radius).map((p) => haversineMetres(SEAT_A, p)));
    expect(far(3000)).toBeGreaterThan(2500);
    expect(far(1500)).toBeLessThan(1501);
  });
});
