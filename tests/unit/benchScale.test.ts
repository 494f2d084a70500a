/** bench:scale's pure pieces: the process tree's memory from /proc, and how results read beside issue 18's targets. */
import { describe, expect, it } from 'vitest';
import { parseProcStatus, treeRssKb, type ProcessEntry } from '../../scripts/lib/processTree.ts';
import { pictureMs, growthLine, growthOf, scaleJson, scaleRows, TARGETS, type RegionResult } from '../../scripts/lib/scaleResults.ts';

const result = (code: string, level: RegionResult['level'], pages: number, buildMs: number, bareMs: number, peakRssBytes?: number): RegionResult => ({
  code,
  level,
  prepareMs: 1000,
  pages,
  files: pages * 10,
  buildMs,
  bareMs,
  peakRssBytes,
  distBytes: 12_345_678,
  pictures: undefined,
});

describe('the build process tree', () => {
  it('reads the parent and resident memory of a /proc status, and nothing of a zombie', () => {
    expect(parseProcStatus(42, 'Name:\tnode\nPid:\t42\nPPid:\t7\nVmPeak:\t 999 kB\nVmRSS:\t  123456 kB\n')).toEqual({ pid: 42, ppid: 7, rssKb: 123456 });
    expect(parseProcStatus(43, 'Name:\tnode\nState:\tZ (zombie)\nPPid:\t7\n')).toBeUndefined();
  });

  it('sums the root and all its descendants, not its parent, siblings or strangers', () => {
    const entries: ProcessEntry[] = [
      { pid: 1, ppid: 0, rssKb: 1000 },
      { pid: 10, ppid: 1, rssKb: 50 }, // npx / tsx
      { pid: 11, ppid: 10, rssKb: 900 }, // node running the build
      { pid: 12, ppid: 11, rssKb: 30 }, // esbuild
      { pid: 13, ppid: 1, rssKb: 700 }, // a sibling of the root
    ];
    expect(treeRssKb(entries, 10)).toBe(980);
    expect(treeRssKb(entries, 12)).toBe(30);
    expect(treeRssKb(entries, 99)).toBe(0);
  });
});

describe('results beside the targets', () => {
  it('gives each region its ratio, memory and, for the province only, its build time, each met or not', () => {
    const rows = scaleRows([result('150627', 'county', 1000, 20_000, 8000, 1.5e9), result('15', 'province', 100_000, 11 * 60_000, 200_000, 5e9)]);
    expect(rows[0]).toEqual(['150627 (county)', '1000', '10000', '20.0', '20.0', '—', '8.0', '2.50 ✗ 未达标 not met', '2.50', '1500 ✓ 达标 met', '12.3', '—']);
    expect(rows[1]![7]).toBe('3.30 ✗ 未达标 not met');
    expect(rows[1]![9]).toBe('5000 ✗ 未达标 not met');
    expect(rows[1]![11]).toBe('11.0 min ✗ 未达标 not met');
    const met = scaleRows([result('15', 'province', 100_000, TARGETS.provinceBuildMs, TARGETS.provinceBuildMs / 2)])[0]!;
    expect(met[7]).toBe('2.00 ✓ 达标 met');
    expect(met[9]).toBe('—');
    expect(met[11]).toBe('10.0 min ✓ 达标 met');
    // With the pictures' first render left out: 20 s of build, 12 s of it PNGs, over 8 s bare.
    const drawn = { ...result('150627', 'county', 1000, 20_000, 8000), pictures: '… in 12.0 s' };
    expect(scaleRows([drawn])[0]![8]).toBe('1.00');
  });

  it('reads the seconds spent on pictures from the build’s line about them', () => {
    expect(pictureMs('图片 2092 张：新生成 1800 张，292 张来自缓存，用时 641.4 秒 · 2092 pictures: 1800 rendered, 292 from the cache, in 641.4 s')).toBe(
      641_400,
    );
    expect(pictureMs(undefined)).toBeUndefined();
    expect(pictureMs('something else')).toBeUndefined();
  });

  it('measures growth in time per page from the first region to the last', () => {
    const county = result('150627', 'county', 1000, 20_000, 8000);
    const city = result('1506', 'city', 10_000, 260_000, 60_000);
    const province = result('15', 'province', 100_000, 3_000_000, 500_000);
    expect(growthOf([county, city, province], 1.5)).toEqual({ from: '150627', to: '15', factor: 1.5, met: true });
    expect(growthOf([county, city], 1.2)).toMatchObject({ factor: 1.3, met: false });
    expect(growthOf([county], 1.5)).toBeUndefined();
    expect(growthLine([county, province], 1.5)).toBe(
      '每页耗时增幅 · Growth in time per page, 150627 → 15: ×1.50 (≤ ×1.5 视为线性 counts as linear) ✓ 达标 met',
    );
    expect(growthLine([county], 1.5)).toContain('needs at least two regions');
  });

  it('keeps the figures and verdicts in the JSON', () => {
    const json = scaleJson([result('150627', 'county', 1000, 20_000, 10_000, 1e9)], { measuredOn: '2026-12-07' }, 1.5) as {
      measuredOn: string;
      regions: { ratio: number; msPerPage: number; met: Record<string, boolean | null> }[];
      growth: unknown;
    };
    expect(json.measuredOn).toBe('2026-12-07');
    expect(json.regions[0]).toMatchObject({ ratio: 2, msPerPage: 20, met: { ratio: true, peakRss: true } });
    expect(json.regions[0]!.met).not.toHaveProperty('provinceBuild');
    expect(json.growth).toBeNull();
  });
});
