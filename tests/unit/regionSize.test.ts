/** What a region larger than a county publishes differently: the lists' threshold, and which places have pictures. */
import { describe, expect, test } from 'vitest';
import { hasPictures, LARGE_REGION_VILLAGES, pictureLevelOf } from '../../src/derive/regionSize.ts';
import { VILLAGE_LIST_LIMIT } from '../../src/derive/views/villagesView.ts';

describe('region size', () => {
  test('a county or town pictures every place; a city or province its counties and above', () => {
    expect(pictureLevelOf('county')).toBe('village');
    expect(pictureLevelOf('town')).toBe('village');
    expect(pictureLevelOf('city')).toBe('county');
    expect(pictureLevelOf('province')).toBe('county');
    expect(VILLAGE_LIST_LIMIT).toBe(LARGE_REGION_VILLAGES);
  });

  test('pictures down to the picture level, by the level of a code', () => {
    for (const code of ['15', '1506', '150627']) expect(hasPictures(code, 'county')).toBe(true);
    for (const code of ['150627101', '150627101225']) expect(hasPictures(code, 'county')).toBe(false);
    for (const code of ['15', '150627101', '150627101225']) expect(hasPictures(code, 'village')).toBe(true);
  });
});
