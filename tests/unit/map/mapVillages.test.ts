import { describe, expect, test } from 'vitest';
import type { MapVillage } from '../../../src/derive/map/mapVillages.ts';
import { DEFAULT_VILLAGES, SEAT_A, SEAT_B, SURVEYED, byCode, haversineMetres, makeRecords, mapVillages } from './mapFixtures.ts';

describe('buildMapVillages: positions', () => {
  test('keeps a surveyed point exactly where it was stored and does not call it approximate', () => {
    const surveyed = byCode(mapVillages().villages, '150627101212');
    expect(surveyed.precision).toBe('surveyed');
    expect(surveyed.approximate).toBe(false);
    expect(surveyed.wgs84).toEqual(SURVEYED);
    expect(surveyed.display.wgs84).toEqual(SURVEYED);
  });

  test('spreads the villages stored at one town seat so no two share a point, and keeps their stored point', () => {
    const atSeat = mapVillages().villages.filter((v) => v.townCode === '150627101' && v.precision === 'town-seat');
    expect(atSeat).toHaveLength(5);
    for (const v of atSeat) {
      expect(v.approximate).toBe(true);
      expect(v.wgs84).toEqual(SEAT_A);
      expect(haversineMetres(SEAT_A, v.display.wgs84)).toBeLessThanOrEqual(2001);
    }
    expect(new Set(atSeat.map((v) => v.display.wgs84.join(','))).size).toBe(5);
  });

  test('spreads the same way whatever order the rows come in', () => {
    const shuffled = [...DEFAULT_VILLAGES].reverse();
    const positions = (villages: MapVillage[]) => villages.map((v) => [v.code, v.display.wgs84]);
    expect(positions(mapVillages(makeRecords(shuffled)).villages)).toEqual(positions(mapVillages().villages));
  });

  test('leaves the only town-seat village of a town on the seat, still marked approximate', () => {
    const alone = byCode(mapVillages().villages, '150627102200');
    expect(alone.display.wgs84).toEqual(SEAT_B);
    expect(alone.approximate).toBe(true);
  });

  test('gives GCJ-02 points about half a kilometre from their WGS-84 ones, as for this region', () => {
    for (const v of mapVillages().villages) {
      const shift = haversineMetres(v.wgs84, v.gcj02);
      expect(shift).toBeGreaterThan(300);
      expect(shift).toBeLessThan(800);
      expect(haversineMetres(v.display.wgs84, v.display.gcj02)).toBeGreaterThan(300);
    }
  });
});

describe('buildMapVillages: figures', () => {
  test('writes funds as an exact decimal string of yuan', () => {
    expect(byCode(mapVillages().villages, '150627101201').fundsYuan).toBe('2001234.5');
    expect(byCode(mapVillages().villages, '150627101203').fundsYuan).toBe('0');
  });

  test('picks the main sector by investment, not by number of projects', () => {
    const v = byCode(mapVillages().villages, '150627101201');
    expect(v.sectors).toEqual(['farming', 'herding']);
    expect(v.mainSector).toBe('herding');
    expect(v.projects).toBe(3);
    expect(byCode(mapVillages().villages, '150627101202').mainSector).toBeNull();
  });

  test('lists the review months oldest first and each village’s stage and income in that order', () => {
    const { months, villages } = mapVillages();
    expect(months).toEqual(['2021-07', '2021-08', '2021-09']);
    expect(byCode(villages, '150627101201').stageByMonth).toEqual(['construction', null, 'operating']);
    expect(byCode(villages, '150627101201').incomeByMonth).toEqual(['12000', null, '81000']);
    expect(byCode(villages, '150627101201').latestStage).toBe('operating');
    expect(byCode(villages, '150627101202').stageByMonth).toEqual([null, null, null]);
    expect(byCode(villages, '150627101202').latestStage).toBeNull();
  });

  test('names the town, the paired unit and enterprise, and the English name in pinyin', () => {
    const v = byCode(mapVillages().villages, '150627101201');
    expect([v.townName, v.townNameEn, v.unit, v.enterprise]).toEqual(['札萨克镇', 'Zhasake Town', '旗税务局', '电信公司']);
    expect(byCode(mapVillages().villages, '150627101212').nameEn).toBe('Geiledengmiao Gacha');
    expect(byCode(mapVillages().villages, '150627102200').enterprise).toBeNull();
  });

  test('flags a village when any of its rows is illustrative, and only then', () => {
    expect(byCode(mapVillages().villages, '150627101201').illustrative).toBe(true);
    expect(byCode(mapVillages().villages, '150627101212').illustrative).toBe(false);
  });

  test('gives each village’s funds in exact fen too, in the order of the villages', () => {
    const { villages, fundsFen } = mapVillages();
    expect(fundsFen).toHaveLength(villages.length);
    expect(fundsFen[villages.findIndex((v) => v.code === '150627101201')]).toBe(2_001_234_50n);
    expect(fundsFen[villages.findIndex((v) => v.code === '150627101203')]).toBe(0n);
  });

  test('sizes by the square root of funds, largest at 1', () => {
    const { villages } = mapVillages();
    expect(byCode(villages, '150627101201').fundsScale).toBe(1);
    // 500,000 of 2,001,234.50 yuan: √0.2498… ≈ 0.5
    expect(byCode(villages, '150627101212').fundsScale).toBeCloseTo(0.5, 2);
    expect(byCode(villages, '150627101203').fundsScale).toBe(0);
  });

  test('lists towns with their seat and number of villages', () => {
    const { towns } = mapVillages();
    expect(towns.map((t) => [t.code, t.villages, t.seat?.wgs84])).toEqual([
      ['150627101', 6, SEAT_A],
      ['150627102', 1, SEAT_B],
    ]);
  });
});
