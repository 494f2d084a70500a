import { describe, expect, test } from 'vitest';
import { buildPlaceTree } from '../../../src/derive/aggregate.ts';
import { buildMapPayload } from '../../../src/derive/map/buildMapPayload.ts';
import {
  COORDINATE_STEPS,
  decodeVillages,
  DETAILS_INLINE_MAX,
  fillDetails,
  toClientPayload,
  toVillageDetails,
  villageAt,
  type VillageTable,
} from '../../../src/derive/map/clientPayload.ts';
import type { MapPayload } from '../../../src/derive/map/buildMapPayload.ts';
import { resolveTileConfig } from '../../../src/config/tileConfig.ts';
import type { Locale } from '../../../src/i18n/locale.ts';
import { syntheticMap } from '../../../scripts/lib/syntheticMap.ts';
import { DEFAULT_VILLAGES, makeRecords, SURVEYED, village } from './mapFixtures.ts';

/** Every village of the table as an object, in list order. */
const allOf = (table: VillageTable) => Array.from({ length: table.count }, (_, i) => villageAt(table, i));
const inListOrder = (payload: MapPayload) => [...payload.villages].sort((a, b) => a.townCode.localeCompare(b.townCode) || a.code.localeCompare(b.code));
/** The fields decoded from the details, as buildMapPayload made them (no English name on a Chinese page). */
const detailFields = (v: MapPayload['villages'][number]) => ({
  name: v.name,
  fundsText: v.fundsText,
  fundsBin: v.fundsBin,
  projects: v.projects,
  sectors: v.sectors,
  mainSector: v.mainSector,
  stageByMonth: v.stageByMonth,
  unit: v.unit,
  enterprise: v.enterprise,
});

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
      const decoded = allOf(decodeVillages(toClientPayload(payload)));
      const ordered = inListOrder(payload);
      expect(decoded.map((v) => v.code)).toEqual(ordered.map((v) => v.code));
      for (const [i, v] of decoded.entries()) {
        const full = ordered[i]!;
        expect(near(v.point, full.display[payload.crs])).toBe(true);
        expect(near(v.stored, full[payload.crs])).toBe(true);
        expect(v.approximate).toBe(full.approximate);
      }
    }
  });

  test('decodes every field the map reads as it was built', () => {
    const payload = build('en');
    const decoded = new Map(allOf(decodeVillages(toClientPayload(payload))).map((v) => [v.code, v]));
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
    expect(allOf(decodeVillages(en)).find((v) => v.code === '150627101212')?.nameEn).toBe('Geiledengmiao Gacha');
    expect(en.areas.every((area) => area.nameEn !== '')).toBe(true);
    expect(JSON.stringify(en.towns)).not.toMatch(/Town|镇/);
  });

  test('up to DETAILS_INLINE_MAX villages, the sectors, main sector and funds band are inlined with the other details', () => {
    const client = toClientPayload(build('zh-CN'));
    for (const column of ['sectors', 'mainSector', 'fundsBin']) {
      expect(client.villages).not.toHaveProperty(column);
      expect(client.details).toHaveProperty(column);
    }
    expect(client.details?.sectors).toHaveLength(client.villages.town.length);
  });

  test('surveyed villages the source puts on one point are one group, to be drawn side by side; a lone surveyed village is none', () => {
    // A second surveyed village on 给勒登庙嘎查's very point.
    const records = makeRecords([...DEFAULT_VILLAGES, village('150627101213', '同点村', SURVEYED, 'surveyed')]);
    const table = decodeVillages(toClientPayload(buildMapPayload({ records, tree: buildPlaceTree(records), locale: 'zh-CN', tiles: resolveTileConfig({}) })));
    const index = (code: string) => allOf(table).findIndex((v) => v.code === code);
    const [a, b] = [index('150627101212'), index('150627101213')];
    expect(table.group[a]).toBeGreaterThanOrEqual(0);
    expect(table.group[b]).toBe(table.group[a]);
    expect(near(villageAt(table, a).stored, SURVEYED) && near(villageAt(table, b).stored, SURVEYED)).toBe(true);
    // A seat's villages are another group; a village alone at its seat is none.
    const seatGroup = table.group[index('150627101201')]!;
    expect(seatGroup).toBeGreaterThanOrEqual(0);
    expect(seatGroup).not.toBe(table.group[a]);
    expect(table.group[index('150627102200')]).toBe(-1);
    const alone = decodeVillages(toClientPayload(build('zh-CN')));
    expect(alone.group[allOf(alone).findIndex((v) => v.code === '150627101212')]).toBe(-1);
  });
});

describe(`above DETAILS_INLINE_MAX (${DETAILS_INLINE_MAX}) villages`, () => {
  const big = syntheticMap(DETAILS_INLINE_MAX + 1, 'zh-CN');

  test('the page carries no sectors, main sector or funds band: they travel with the details fetched on use', () => {
    expect(big.client.details).toBeNull();
    for (const column of ['sectors', 'mainSector', 'fundsBin']) expect(big.client.villages).not.toHaveProperty(column);
    expect(big.details.sectors).toHaveLength(DETAILS_INLINE_MAX + 1);
    expect(big.details.mainSector).toHaveLength(DETAILS_INLINE_MAX + 1);
    expect(big.details.fundsBin).toHaveLength(DETAILS_INLINE_MAX + 1);
    expect(big.details).toEqual(toVillageDetails(big.payload));
    // Not all alike, or the test below would prove little.
    expect(new Set(big.details.sectors).size).toBeGreaterThan(3);
    expect(new Set(big.details.fundsBin).size).toBeGreaterThan(2);
  });

  test('decoded without the details, then with them, every village reads as it was built', () => {
    const table = decodeVillages(big.client);
    const ordered = inListOrder(big.payload);
    expect(table.details).toBeNull();
    expect(allOf(table).every((v) => v.sectors.length === 0 && v.mainSector === null && v.name === '')).toBe(true);
    fillDetails(table, big.details);
    for (const [i, v] of allOf(table).entries()) {
      const full = ordered[i]!;
      expect(v.code).toBe(full.code);
      expect(v).toMatchObject({ ...detailFields(full), latestStage: full.latestStage, precision: full.precision });
    }
    expect(allOf(decodeVillages(big.client, big.details))).toEqual(allOf(table));
  });
});
