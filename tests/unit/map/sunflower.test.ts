import { describe, expect, it } from 'vitest';
import { spreadAround } from '../../../src/derive/map/geodesy.ts';
import { spreadInPixels, sunflowerPoint } from '../../../src/derive/map/sunflower.ts';

describe('the sunflower spiral', () => {
  it('puts each village on screen in the same direction from the seat as on the ground (north is up)', () => {
    const radii = [3, 3, 3, 3, 3, 3, 3];
    const onScreen = spreadInPixels(radii, 10);
    const onGround = spreadAround([110, 39.5], radii.length, 2000);
    onScreen.forEach(([x, y], i) => {
      const [lon, lat] = onGround[i]!;
      expect(Math.sign(x)).toBe(Math.sign(Math.round((lon - 110) * 1e6)));
      expect(Math.sign(-y)).toBe(Math.sign(Math.round((lat - 39.5) * 1e6)));
    });
  });

  it('fills the unit disc: every point within radius 1, farther out as i grows', () => {
    const distances = Array.from({ length: 20 }, (_, i) => Math.hypot(...sunflowerPoint(i, 20)));
    expect(Math.max(...distances)).toBeLessThanOrEqual(1);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });
});
