import { describe, expect, test } from 'vitest';
import { smallSite } from './siteFixture.ts';

describe('buildSite', () => {
  const site = smallSite();

  test('lists the region and every place under it in code order, the villages and the towns they belong to', () => {
    expect(site.region.code).toBe('150627');
    expect(site.places.map((p) => p.code)).toEqual(['150627', '150627101', '150627101212', '150627101225', '150627102', '150627102200']);
    expect(site.villages.map((p) => p.code)).toEqual(['150627101212', '150627101225', '150627102200']);
    expect(site.towns).toEqual(['150627101', '150627102']);
    expect(site.asOf).toBe('2021-10-14');
  });

  test('finds places and refuses unknown codes', () => {
    expect(site.place('150627101').name).toBe('札萨克镇');
    expect(() => site.place('150627999')).toThrow(/150627999/);
  });

  test('computes a summary, the chart data and the map payload once, then hands back the same', () => {
    expect(site.summary('150627101')).toBe(site.summary('150627101'));
    expect(site.summary('150627101').fundsTotal).toBe(2720_0000_00n);
    expect(site.datasets('150627')).toBe(site.datasets('150627'));
    expect(site.dataset('150627', 'funds-by-source')?.id).toBe('funds-by-source');
    expect(site.mapPayload('en')).toBe(site.mapPayload('en'));
    expect(site.mapPayload('en').locale).toBe('en');
    expect(site.mapPayload('zh-CN').locale).toBe('zh-CN');
  });

  test('knows which pages show illustrative values', () => {
    // Every fund and talent row of the fixture is illustrative.
    expect(site.illustrative('150627')).toBe(true);
  });
});
