/** The one threshold of a large region, and which places it leaves without pictures. */
import { describe, expect, test } from 'vitest';
import { hasPictures, LARGE_REGION_VILLAGES, pictureLevelOf } from '../../src/derive/regionSize.ts';
import { VILLAGE_LIST_LIMIT } from '../../src/derive/views/villagesView.ts';

describe('region size', () => {
  test('a region is large above the threshold, not at it', () => {
    expect(pictureLevelOf(LARGE_REGION_VILLAGES)).toBe('village');
    expect(pictureLevelOf(LARGE_REGION_VILLAGES + 1)).toBe('county');
    expect(pictureLevelOf(3, 2)).toBe('county');
    expect(VILLAGE_LIST_LIMIT).toBe(LARGE_REGION_VILLAGES);
  });

  test('pictures down to the picture level, by the level of a code', () => {
    for (const code of ['15', '1506', '150627']) expect(hasPictures(code, 'county')).toBe(true);
    for (const code of ['150627101', '150627101225']) expect(hasPictures(code, 'county')).toBe(false);
    for (const code of ['15', '150627101', '150627101225']) expect(hasPictures(code, 'village')).toBe(true);
  });
});
