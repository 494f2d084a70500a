/**
 * The header search over a split index (src/client/searchShards.ts), in the browser: the fixture
 * region's index fits one file, so a copy of its home page and scripts is served beside its own index
 * split with a small budget, as a province's would be. Each query lists what the whole index lists on
 * the site as built, and fetches the manifest and the one shard its prefix names, nothing else.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, visit, watchPage } from './browser.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/staticServer.ts';
import { shardAddress, shardFor, shardName, splitSearchIndex, type SearchSplit } from '../../src/client/searchShards.ts';
import type { SearchEntry } from '../../src/client/matchSearch.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('siteDistDir');
const session = useBrowser();
const index = JSON.parse(readFileSync(join(distDir, 'search-index.json'), 'utf8')) as SearchEntry[];
const split = splitSearchIndex(index, 4_000);
const village = index.find((entry) => entry.c.length === 12)!;

let temp: string;
let server: StaticServer;
beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'search-shards-'));
  cpSync(join(distDir, '_astro'), join(temp, '_astro'), { recursive: true });
  cpSync(join(distDir, 'index.html'), join(temp, 'index.html'));
  writeFileSync(join(temp, 'search-index.json'), JSON.stringify(split.manifest));
  mkdirSync(join(temp, 'search-index'));
  for (const [prefix, entries] of split.shards) writeFileSync(join(temp, 'search-index', `${shardName(prefix)}.json`), JSON.stringify(entries));
  server = await startStaticServer(temp);
});
afterAll(async () => {
  await server.close();
  rmSync(temp, { recursive: true, force: true });
});

/** The addresses the results link to, once the list shows (or says nothing was found). */
async function results(page: Page, query: string): Promise<string[]> {
  await page.locator('#site-search-input').fill(query);
  await page.locator('.search-results').waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
  return page.locator('.search-results a').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

describe('a split index', () => {
  it('is split, for this test', () => {
    expect(Array.isArray(split.manifest)).toBe(false);
    expect(split.shards.size).toBeGreaterThan(10);
  });

  it.each([
    ['a hanzi', village.n.slice(0, 1)],
    ['a Chinese name', village.n],
    ['part of a Chinese name', village.n.slice(1, 3)],
    ['pinyin', village.p.slice(0, 4)],
    ['initials', village.i],
    ['a code prefix', village.c.slice(0, 9)],
    ['a code', village.c],
    ['one letter', 'b'],
    ['a digit', '1'],
  ])('lists for %s what the whole index lists, fetching one shard', async (_how, query) => {
    const whole = await watchPage(session.context);
    await visit(whole.page, `${siteUrl}/`);
    const expected = await results(whole.page, query);
    await whole.page.close();

    const watched = await watchPage(session.context);
    await visit(watched.page, `${server.url}/`);
    const found = await results(watched.page, query);
    expect(found).toEqual(expected);
    expect(found.length).toBeGreaterThan(0);
    const fetched = watched.requests.map((url) => new URL(url).pathname).filter((path) => path.startsWith('/search-index'));
    const shard = shardFor((split.manifest as { split: SearchSplit }).split, query)!;
    expect(fetched).toEqual(['/search-index.json', shardAddress('/search-index.json', shard)]);
    await watched.page.close();
  });

  it('fetches no shard for a character no place has, and says nothing was found', async () => {
    const watched = await watchPage(session.context);
    await visit(watched.page, `${server.url}/`);
    expect(await results(watched.page, '€')).toEqual([]);
    expect(await watched.page.locator('.search-message').innerText()).not.toBe('');
    const fetched = watched.requests.map((url) => new URL(url).pathname).filter((path) => path.startsWith('/search-index'));
    expect(fetched).toEqual(['/search-index.json']);
    await watched.page.close();
  });
});
