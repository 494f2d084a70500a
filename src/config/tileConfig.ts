/**
 * Background tiles for the interactive map are a build setting, not a given: the map must be useful
 * with none at all (the default, and what tests use), so nothing on the site depends on a third
 * party answering. Each provider brings the coordinate system its tiles are drawn in — AMap's are
 * GCJ-02, so the outline and points must be shifted to match them — its attribution in both
 * languages, and the hosts the Content-Security-Policy must allow images from.
 *
 * Pure: the caller reads MAP_TILES and TIANDITU_KEY from the environment and passes them in.
 */
import type { Bilingual, Locale } from '../i18n/locale.ts';

import { TILE_PROVIDERS, type TileProvider } from '../model/regionConfig.ts';

/** The coordinate system points and outline must be in to sit right on the tiles. */
export type MapCrs = 'wgs84' | 'gcj02';

export type TileLayer = {
  /** Leaflet URL template: {s} subdomain, {z}/{x}/{y} tile. */
  url: string;
  /** Characters Leaflet substitutes for {s}; '' when the template has none. */
  subdomains: string;
  maxZoom: number;
  /** Only drawn on pages in this language (Tianditu's labels come as a separate Chinese or English layer). */
  locale?: Locale;
};

export type TileConfig = {
  provider: TileProvider;
  crs: MapCrs;
  /** Drawn bottom to top; empty for `none`. */
  layers: TileLayer[];
  /** Who the tiles belong to, as their terms ask; null when there are no tiles. */
  attribution: (Bilingual & { href: string }) | null;
  /** Origins to add to the CSP `img-src` directive so the browser may load the tiles. */
  cspImgSrc: string[];
};

export type TileEnv = { MAP_TILES?: string | undefined; TIANDITU_KEY?: string | undefined };

/** A setting that cannot work; the message says what to change, in both languages. */
export class TileSettingError extends Error {
  readonly bilingual: Bilingual;
  constructor(message: Bilingual) {
    super(`${message.zh}\n${message.en}`);
    this.name = 'TileSettingError';
    this.bilingual = message;
  }
}

const NONE: TileConfig = { provider: 'none', crs: 'wgs84', layers: [], attribution: null, cspImgSrc: [] };

const OSM: TileConfig = {
  provider: 'osm',
  crs: 'wgs84',
  // The tile.openstreetmap.org policy asks clients to stop using the a/b/c subdomains.
  layers: [{ url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', subdomains: '', maxZoom: 19 }],
  attribution: {
    zh: '© OpenStreetMap 贡献者',
    en: '© OpenStreetMap contributors',
    href: 'https://www.openstreetmap.org/copyright',
  },
  cspImgSrc: ['https://tile.openstreetmap.org'],
};

const TIANDITU_SUBDOMAINS = '01234567';

/** Tianditu's WMTS in the web-Mercator matrix set ("_w"); CGCS2000 is WGS-84 to well under a metre at map scale. */
function tiandituLayer(layer: string, key: string, locale?: Locale): TileLayer {
  const query = new URLSearchParams({
    SERVICE: 'WMTS',
    REQUEST: 'GetTile',
    VERSION: '1.0.0',
    LAYER: layer,
    STYLE: 'default',
    TILEMATRIXSET: 'w',
    FORMAT: 'tiles',
    tk: key,
  });
  // The {z}/{y}/{x} placeholders must survive unencoded for Leaflet to fill them in.
  const url = `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?${query.toString()}&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}`;
  return { url, subdomains: TIANDITU_SUBDOMAINS, maxZoom: 18, ...(locale === undefined ? {} : { locale }) };
}

function tianditu(key: string): TileConfig {
  return {
    provider: 'tianditu',
    crs: 'wgs84',
    layers: [tiandituLayer('vec', key), tiandituLayer('cva', key, 'zh-CN'), tiandituLayer('eva', key, 'en')],
    attribution: {
      zh: '© 天地图（国家地理信息公共服务平台）',
      en: '© Tianditu (National Platform for Common GeoSpatial Information Services)',
      href: 'https://www.tianditu.gov.cn/',
    },
    cspImgSrc: [...TIANDITU_SUBDOMAINS].map((s) => `https://t${s}.tianditu.gov.cn`),
  };
}

const AMAP_SUBDOMAINS = '1234';

const AMAP: TileConfig = {
  provider: 'amap',
  crs: 'gcj02',
  layers: [
    {
      url: 'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
      subdomains: AMAP_SUBDOMAINS,
      maxZoom: 18,
    },
  ],
  attribution: { zh: '© 高德地图', en: '© AMap (AutoNavi)', href: 'https://www.amap.com/' },
  cspImgSrc: [...AMAP_SUBDOMAINS].map((s) => `https://webrd0${s}.is.autonavi.com`),
};

/**
 * MAP_TILES (none | osm | tianditu | amap; blank means none) → the tiles to draw. Tianditu needs a
 * key (TIANDITU_KEY); a missing key or an unknown provider is an error rather than a silent fallback,
 * so a build never quietly ships a different map from the one configured.
 */
export function resolveTileConfig(env: TileEnv): TileConfig {
  const wanted = (env.MAP_TILES ?? '').trim().toLowerCase();
  switch (wanted) {
    case '':
    case 'none':
      return NONE;
    case 'osm':
      return OSM;
    case 'amap':
      return AMAP;
    case 'tianditu': {
      const key = (env.TIANDITU_KEY ?? '').trim();
      if (key === '') {
        throw new TileSettingError({
          zh: 'MAP_TILES=tianditu 需要天地图密钥：请设置环境变量 TIANDITU_KEY（在 console.tianditu.gov.cn 申请浏览器端密钥），或改用 MAP_TILES=none。',
          en: 'MAP_TILES=tianditu needs a Tianditu key: set TIANDITU_KEY (a browser key from console.tianditu.gov.cn), or use MAP_TILES=none.',
        });
      }
      return tianditu(key);
    }
    default:
      throw new TileSettingError({
        zh: `MAP_TILES 的值“${env.MAP_TILES ?? ''}”无法识别；可用：${TILE_PROVIDERS.join('、')}。`,
        en: `MAP_TILES value "${env.MAP_TILES ?? ''}" is not known; use one of: ${TILE_PROVIDERS.join(', ')}.`,
      });
  }
}
