import { describe, expect, test } from 'vitest';
import { resolveTileConfig, TileSettingError } from '../../src/config/tileConfig.ts';

/** Fills a Leaflet URL template the way Leaflet does, to check the result is a real tile address. */
function tileUrl(template: string, subdomain: string, z: number, x: number, y: number): URL {
  return new URL(template.replace('{s}', subdomain).replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y)));
}

describe('resolveTileConfig', () => {
  test.each([[undefined], [''], ['none'], [' NONE ']])('draws no tiles for MAP_TILES=%j, with nothing to allow in the CSP', (setting) => {
    const config = resolveTileConfig({ MAP_TILES: setting });
    expect(config.provider).toBe('none');
    expect(config.layers).toEqual([]);
    expect(config.attribution).toBeNull();
    expect(config.cspImgSrc).toEqual([]);
    expect(config.crs).toBe('wgs84');
  });

  test('uses the OpenStreetMap tile server in WGS-84, credited to its contributors', () => {
    const config = resolveTileConfig({ MAP_TILES: 'osm' });
    expect(config.crs).toBe('wgs84');
    const url = tileUrl(config.layers[0]!.url, '', 10, 826, 391);
    expect(url.href).toBe('https://tile.openstreetmap.org/10/826/391.png');
    expect(config.cspImgSrc).toEqual([url.origin]);
    expect(config.attribution).toMatchObject({ en: '© OpenStreetMap contributors', href: 'https://www.openstreetmap.org/copyright' });
    expect(config.attribution?.zh).toContain('OpenStreetMap');
  });

  test('puts the Tianditu key in every tile address and allows each of its eight hosts', () => {
    const config = resolveTileConfig({ MAP_TILES: 'tianditu', TIANDITU_KEY: ' abc123 ' });
    expect(config.crs).toBe('wgs84');
    for (const layer of config.layers) {
      const url = tileUrl(layer.url, '5', 10, 826, 391);
      expect(url.searchParams.get('tk')).toBe('abc123');
      expect(url.searchParams.get('TILEMATRIX')).toBe('10');
      expect(url.searchParams.get('TILEROW')).toBe('391');
      expect(url.searchParams.get('TILECOL')).toBe('826');
      expect(url.searchParams.get('TILEMATRIXSET')).toBe('w');
      expect(config.cspImgSrc).toContain(url.origin);
    }
    expect(config.cspImgSrc).toHaveLength(8);
    expect(config.layers.map((l) => l.locale)).toEqual([undefined, 'zh-CN', 'en']);
    expect(config.attribution?.zh).toContain('天地图');
    expect(config.attribution?.en).toContain('Tianditu');
  });

  test('refuses Tianditu without a key, saying what to set in both languages', () => {
    const attempt = () => resolveTileConfig({ MAP_TILES: 'tianditu', TIANDITU_KEY: '  ' });
    expect(attempt).toThrow(TileSettingError);
    try {
      attempt();
    } catch (error) {
      expect((error as TileSettingError).bilingual.zh).toContain('TIANDITU_KEY');
      expect((error as TileSettingError).bilingual.en).toContain('TIANDITU_KEY');
    }
  });

  test('uses AMap tiles in GCJ-02, so points and outline must be converted for them', () => {
    const config = resolveTileConfig({ MAP_TILES: 'AMap' });
    expect(config.crs).toBe('gcj02');
    const url = tileUrl(config.layers[0]!.url, '3', 10, 826, 391);
    expect(url.origin).toBe('https://webrd03.is.autonavi.com');
    expect([url.searchParams.get('x'), url.searchParams.get('y'), url.searchParams.get('z')]).toEqual(['826', '391', '10']);
    expect(config.cspImgSrc).toContain(url.origin);
    expect(config.attribution?.zh).toContain('高德');
    expect(config.attribution?.en).toContain('AMap');
  });

  test('refuses a provider it does not know rather than quietly drawing another', () => {
    expect(() => resolveTileConfig({ MAP_TILES: 'google' })).toThrow(/google/);
  });
});
