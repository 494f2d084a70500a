/**
 * The split search index (src/client/searchShards.ts): a query answered from the one shard it loads
 * lists exactly what the whole index lists, over the region fixture's index and a generated large one.
 * The whole province's figures (gzip bytes a query loads) are measured on demand:
 * SEARCH_PROVINCE=1 npx vitest run tests/unit/searchShards.test.ts (takes minutes, as anyLevel's does).
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { foldQuery, matchSearch, SEARCH_LIMIT, type SearchEntry } from '../../src/client/matchSearch.ts';
import { shardAddress, shardFor, shardName, splitSearchIndex, SHARD_BUDGET, type SearchManifest, type SplitIndex } from '../../src/client/searchShards.ts';
import { buildSearchIndex } from '../../src/derive/searchIndex.ts';
import type { Place } from '../../src/derive/aggregate.ts';
import { buildSite, type Site } from '../../src/derive/buildSite.ts';
import { resolveTileConfig } from '../../src/config/tileConfig.ts';
import { loadDataDir } from '../../src/load/readDataDir.ts';
import { areaOutlinesFile } from '../../src/model/regionOutline.ts';
import { initRegion } from '../../scripts/initRegion.ts';
import { generateSample } from '../../scripts/generateSample.ts';
import { propertyRuns } from '../support/propertyRuns.ts';
import { barePlace } from '../support/barePlace.ts';

const address = (path: string) => ({ zh: path, en: `/en${path}` });
const indexOf = (site: Site): SearchEntry[] => buildSearchIndex(site.places, site.tree.places, address);

/** A data folder loaded as the build loads it; with the region's code, with its outlines too. */
function loadSite(dir: string, region?: string): Site {
  const loaded = loadDataDir(dir, { today: '2030-01-01' });
  expect(loaded.report.errors).toBe(0);
  const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, 'geo', name), 'utf8'));
  return buildSite({
    records: loaded.records,
    report: loaded.report,
    edition: loaded.edition,
    tiles: resolveTileConfig({}),
    outline: region !== undefined ? { wgs84: read(`${region}-boundary.wgs84.geojson`) } : undefined,
    ...(region !== undefined ? { areas: read(areaOutlinesFile(region)) } : {}),
  });
}

/** What the browser does (src/client/search.ts): the whole index, or the one shard shardFor names. */
function loaded(split: SplitIndex, query: string): { entries: SearchEntry[]; shard: string | undefined } {
  if (Array.isArray(split.manifest)) return { entries: split.manifest, shard: undefined };
  const shard = shardFor(split.manifest.split, query);
  return { entries: shard === undefined ? [] : split.shards.get(shard)!, shard };
}
const answer = (split: SplitIndex, query: string) => matchSearch(loaded(split, query).entries, query, SEARCH_LIMIT).map((e) => e.c);
const truth = (index: readonly SearchEntry[], query: string) => matchSearch(index, query, SEARCH_LIMIT).map((e) => e.c);

/** The texts a reader may type for a place: each key, and pieces of it (prefixes of code and initials, any part of a name). */
function keysOf(entry: SearchEntry): { key: string; anywhere: boolean }[] {
  return [
    { key: entry.c, anywhere: false },
    { key: foldQuery(entry.i), anywhere: false },
    { key: entry.n, anywhere: true },
    { key: foldQuery(entry.p), anywhere: true },
    { key: foldQuery(entry.e), anywhere: true },
  ].filter(({ key }) => foldQuery(key) !== '');
}

const bytes = (entries: readonly SearchEntry[]): number => new TextEncoder().encode(JSON.stringify(entries)).length;

/** The checks every split must pass, whatever the index. */
function checkSplit(label: string, make: () => { index: SearchEntry[]; budget: number; every?: number }) {
  describe(label, () => {
    const { index, budget, every = 1 } = make();
    const split = splitSearchIndex(index, budget);

    test('is split at all (the budget is smaller than the index)', () => {
      expect(bytes(index)).toBeGreaterThan(budget);
      expect(Array.isArray(split.manifest)).toBe(false);
      expect(split.shards.size).toBeGreaterThan(1);
    });

    test('keeps every shard within the budget', () => {
      for (const [prefix, entries] of split.shards) expect(bytes(entries), prefix).toBeLessThanOrEqual(budget);
    });

    test('reaches every place by each of its whole keys, with the same results as the whole index', () => {
      // Every place of the fixture; every `every`th of a large index, as each query scans the whole index.
      for (const entry of index.filter((_, at) => at % every === 0)) {
        for (const { key } of keysOf(entry)) {
          const { entries, shard } = loaded(split, key);
          expect(shard, key).toBeDefined();
          const isLeaf = Array.isArray(split.manifest) || !(shard! in split.manifest.split);
          // A leaf holds every place matching its prefix; a split prefix's shard, the best of exactly it.
          if (isLeaf) expect(entries, `${entry.c} by ${key}`).toContain(entry);
          expect(answer(split, key), key).toEqual(truth(index, key));
        }
      }
    });

    test('answers any part of a key, and any text, as the whole index does (seeded property)', () => {
      const alphabet = [...new Set(index.flatMap((entry) => keysOf(entry).flatMap(({ key }) => Array.from(foldQuery(key)))))];
      const piece = fc.tuple(fc.nat(index.length - 1), fc.nat(4), fc.nat(30), fc.integer({ min: 1, max: 12 })).map(([at, which, start, length]) => {
        const keys = keysOf(index[at]!);
        const { key, anywhere } = keys[which % keys.length]!;
        const chars = Array.from(foldQuery(key));
        const from = anywhere ? start % chars.length : 0;
        return chars.slice(from, from + length).join('');
      });
      const text = fc.array(fc.constantFrom(...alphabet, 'Ü', ' ', 'Z', '€'), { minLength: 1, maxLength: 4 }).map((chars) => chars.join(''));
      fc.assert(
        fc.property(fc.oneof(piece, text), (query) => {
          expect(answer(split, query), query).toEqual(truth(index, query));
        }),
        propertyRuns(400),
      );
    });

    test('loads one shard per query, and none for a character no place has', () => {
      if (Array.isArray(split.manifest)) return;
      const query = index[0]!.c;
      const { shard } = loaded(split, query);
      expect(split.shards.has(shard!)).toBe(true);
      expect(shardFor(split.manifest.split, '€')).toBeUndefined();
      expect(shardFor(split.manifest.split, '   ')).toBeUndefined();
    });
  });
}

const REGION = join(import.meta.dirname, '..', 'fixtures', 'region');
checkSplit('the region fixture, split with a small budget', () => ({ index: indexOf(loadSite(REGION)), budget: 4_000 }));

/** A seeded large index: 2,400 villages under 30 towns and 3 counties, named from a pool of the province's common characters. */
function largeIndex(): SearchEntry[] {
  const pool = Array.from('巴彦乌兰阿拉善哈达额尔敦宝力格图希勒白音查干锡林浩特新村红旗五一东西南北河沟营子');
  let seed = 18;
  const next = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const name = (length: number): string => Array.from({ length }, () => pool[next(pool.length)]).join('');
  const places: Place[] = [];
  const add = (code: string, title: string, parentCode?: string) => places.push(barePlace(code, title, parentCode));
  for (let county = 1; county <= 3; county += 1) {
    const c = `1506${String(county).padStart(2, '0')}`;
    add(c, `${name(2)}旗`);
    for (let town = 1; town <= 10; town += 1) {
      const t = `${c}${String(100 + town)}`;
      add(t, `${name(3)}镇`, c);
      for (let village = 1; village <= 80; village += 1) add(`${t}${String(200 + village)}`, `${name(2 + next(3))}${next(2) === 0 ? '嘎查' : '村'}`, t);
    }
  }
  const byCode = new Map(places.map((p) => [p.code, p]));
  return buildSearchIndex(places, byCode, address);
}
checkSplit('a generated large index', () => ({ index: largeIndex(), budget: 40_000, every: 5 }));

test('keeps a small index whole: the manifest is the index, as before the split', () => {
  const index = indexOf(loadSite(REGION));
  const split = splitSearchIndex(index);
  expect(split.manifest).toEqual(index);
  expect(split.shards.size).toBe(0);
});

test('names shards by code point, beside the manifest and under its base path', () => {
  expect(shardName('巴彦')).toBe('5df4-5f66');
  expect(shardName('b1')).toBe('62-31');
  expect(shardName('𠀀')).toBe('20000');
  expect(shardAddress('/xczx/search-index.json', '巴')).toBe('/xczx/search-index/5df4.json');
});

/** The gzip bytes of the manifest and of the largest shard any query of `length` characters loads. */
function measure(split: SplitIndex, length: number): { manifest: number; shard: number; query: string } {
  const manifest = gzipSync(JSON.stringify(split.manifest satisfies SearchManifest)).length;
  let shard = 0;
  let query = '';
  for (const [prefix, entries] of split.shards) {
    if (Array.from(prefix).length > length) continue;
    const size = gzipSync(JSON.stringify(entries)).length;
    if (size > shard) [shard, query] = [size, prefix];
  }
  return { manifest, shard, query };
}

// The whole province (some 16,000 places) takes minutes to start and load, so it runs on demand.
describe.runIf(process.env.SEARCH_PROVINCE === '1')('on demand: the whole province, 15', () => {
  test('loads at most 50 KB gzip for any query', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'search-15-'));
    // Each step holds the worker for a minute or more: between them vitest's worker gets to report.
    const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));
    try {
      initRegion({ regionCode: '15', outDir: dir, asOf: '2024-06-30' });
      await breathe();
      generateSample({ inDir: dir, outDir: dir });
      await breathe();
      const index = indexOf(loadSite(dir, '15'));
      await breathe();
      const split = splitSearchIndex(index);
      const one = measure(split, 1);
      const any = measure(split, Infinity);
      const whole = gzipSync(JSON.stringify(index)).length;
      console.log(
        `search, province 15: ${index.length} places, whole index ${whole} B gzip; ${split.shards.size} shards; manifest ${one.manifest} B gzip; ` +
          `largest shard for a one-character query ${one.shard} B (${one.query}), for any query ${any.shard} B (${any.query}); budget ${SHARD_BUDGET} B of JSON`,
      );
      expect(one.manifest + any.shard).toBeLessThanOrEqual(50_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 900_000);
});
