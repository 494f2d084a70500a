import { describe, expect, test } from 'vitest';
import { buildPlaceTree } from '../../../src/derive/aggregate.ts';
import { buildMapPayload } from '../../../src/derive/map/buildMapPayload.ts';
import { toClientPayload } from '../../../src/derive/map/clientPayload.ts';
import { resolveTileConfig } from '../../../src/config/tileConfig.ts';
import type { Locale } from '../../../src/i18n/locale.ts';
import { makeRecords } from './mapFixtures.ts';

describe('toClientPayload', () => {
  const records = makeRecords();
  const tree = buildPlaceTree(records);
  const build = (locale: Locale, MAP_TILES?: string) => buildMapPayload({ records, tree, locale, tiles: resolveTileConfig({ MAP_TILES }) });

  test('gives each village its drawn and stored point in the payload’s coordinate system only', () => {
    for (const tiles of [undefined, 'amap']) {
      const payload = build('zh-CN', tiles);
      const client = toClientPayload(payload);
      for (const [i, v] of client.villages.entries()) {
        const full = payload.villages[i]!;
        expect(v.point).toEqual(full.display[payload.crs]);
        expect(v.stored).toEqual(full[payload.crs]);
        expect(Object.keys(v)).not.toContain('incomeByMonth');
        expect(Object.keys(v)).not.toContain('display');
      }
    }
  });

  test('carries no English name on a Chinese page, and pinyin on an English one', () => {
    const zh = toClientPayload(build('zh-CN'));
    const en = toClientPayload(build('en'));
    expect(JSON.stringify(zh)).not.toMatch(/Village|Town/);
    expect(en.villages.find((v) => v.code === '150627101212')?.nameEn).toBe('Geiledengmiao Gacha');
    expect(en.towns[0]?.nameEn).toBe('Zhasake Town');
  });
});
