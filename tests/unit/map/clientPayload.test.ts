import { describe, expect, test } from 'vitest';
import { buildPlaceTree } from '../../../src/derive/aggregate.ts';
import { buildMapPayload } from '../../../src/derive/map/buildMapPayload.ts';
import { COORDINATE_STEPS, decodeVillages, toClientPayload } from '../../../src/derive/map/clientPayload.ts';
import { resolveTileConfig } from '../../../src/config/tileConfig.ts';
import type { Locale } from '../../../src/i18n/locale.ts';
import { makeRecords } from './mapFixtures.ts';

describe('toClientPayload', () => {
  const records = makeRecords();
  const tree = buildPlaceTree(records);
  const build = (locale: Locale, MAP_TILES?: string) => buildMapPayload({ records, tree, locale, tiles: resolveTileConfig({ MAP_TILES }) });
  // Within five steps (about 5 m, two pixels at the closest zoom): points travel rounded to a step, and
  // the spread around a seat is recomputed from its rounded point — in GCJ-02 around the converted seat
  // rather than converted point by point, and GCJ-02's offset wobbles by metres over a spread's width.
  const near = (a: readonly number[], b: readonly number[]) => a.every((x, i) => Math.abs(x - b[i]!) <= 5 / COORDINATE_STEPS);

  test('decodes to every village, in list order, with its drawn and stored point in the payload’s coordinate system only', () => {
    for (const tiles of [undefined, 'amap']) {
      const payload = build('zh-CN', tiles);
      const decoded = decodeVillages(toClientPayload(payload));
      const inListOrder = [...payload.villages].sort((a, b) => a.townCode.localeCompare(b.townCode) || a.code.localeCompare(b.code));
      expect(decoded.map((v) => v.code)).toEqual(inListOrder.map((v) => v.code));
      for (const [i, v] of decoded.entries()) {
        const full = inListOrder[i]!;
        expect(near(v.point, full.display[payload.crs])).toBe(true);
        expect(near(v.stored, full[payload.crs])).toBe(true);
        expect(v.approximate).toBe(full.approximate);
      }
    }
  });

  test('decodes every field the map reads as it was built', () => {
    const payload = build('en');
    const decoded = new Map(decodeVillages(toClientPayload(payload)).map((v) => [v.code, v]));
    for (const full of payload.villages) {
      const v = decoded.get(full.code)!;
      expect(v).toMatchObject({
        name: full.name,
        nameEn: full.nameEn,
        townCode: full.townCode,
        precision: full.precision,
        fundsText: full.fundsText,
        fundsBin: full.fundsBin,
        projects: full.projects,
        sectors: full.sectors,
        mainSector: full.mainSector,
        latestStage: full.latestStage,
        stageByMonth: full.stageByMonth,
        unit: full.unit,
        enterprise: full.enterprise,
        illustrative: full.illustrative,
      });
      // In ninths: the marker's size has 14 px of range.
      expect(Math.abs(v.fundsScale - full.fundsScale)).toBeLessThanOrEqual(1 / 18 + 1e-9);
    }
  });

  test('sends villages as columns, without monthly income or the other coordinate system', () => {
    const client = toClientPayload(build('zh-CN'));
    expect(Array.isArray(client.villages)).toBe(false);
    expect(client.villages.town).toHaveLength(build('zh-CN').villages.length);
    expect(client.details?.name).toHaveLength(build('zh-CN').villages.length);
    const json = JSON.stringify(client);
    expect(json).not.toContain('incomeByMonth');
    expect(json).not.toContain('gcj02');
  });

  test('carries no English name on a Chinese page, and pinyin on an English one', () => {
    const zh = toClientPayload(build('zh-CN'));
    const en = toClientPayload(build('en'));
    expect(JSON.stringify(zh)).not.toMatch(/Village|Town/);
    expect(decodeVillages(en).find((v) => v.code === '150627101212')?.nameEn).toBe('Geiledengmiao Gacha');
    expect(en.areas.every((area) => area.nameEn !== '')).toBe(true);
    expect(JSON.stringify(en.towns)).not.toMatch(/Town|镇/);
  });
});
