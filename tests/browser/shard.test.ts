/**
 * `npm run build -- --only <code>` as a CI matrix uses it: two towns of tests/fixtures/small built as
 * shards, each in a folder of its own (two jobs), then merged by copying into one folder and served.
 * Every link, source and action of every page is followed from the index: each answers 200 and stays
 * inside its shard or the shared assets; the copies never wrote two different files under one name;
 * and in Chromium the shards' pages load their shared styles and scripts with no failed request and
 * no error. The shards are tiny (three villages in all), so the two builds take about a minute each.
 *
 * BROWSER_SHARD_DIR names a folder already merged so, to iterate without building.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/lib/staticServer.ts';
import { useBrowser, visit, visitDrawn } from './browser.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SMALL = join(ROOT, 'tests', 'fixtures', 'small');
const SHARDS = ['150627101', '150627102'];

let temp: string | undefined;
let siteDir: string;
let server: StaticServer;
/** Files two shards both wrote with different bytes: the merge would lose one. */
const clashes: string[] = [];

/** `cp -r job/. site/`, noting any file the copy would overwrite with other bytes. */
function mergeByCopying(from: string, into: string): void {
  for (const name of readdirSync(from, { recursive: true, encoding: 'utf8' })) {
    const source = join(from, name);
    const target = join(into, name);
    if (statSync(source).isFile() && existsSync(target) && !readFileSync(source).equals(readFileSync(target))) clashes.push(name);
  }
  cpSync(from, into, { recursive: true });
}

beforeAll(async () => {
  siteDir = process.env.BROWSER_SHARD_DIR ?? '';
  if (siteDir === '') {
    temp = mkdtempSync(join(tmpdir(), 'site-shards-'));
    siteDir = join(temp, 'site');
    for (const code of SHARDS) {
      const job = join(temp, `job-${code}`);
      // Not spawnSync: a blocked worker misses vitest's calls for minutes and reports an error.
      try {
        await promisify(execFile)('npx', ['tsx', 'scripts/build.ts', '--only', code], {
          cwd: ROOT,
          env: { ...process.env, DATA_DIR: SMALL, DIST_DIR: job },
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        });
      } catch (error) {
        const { stdout, stderr } = error as { stdout?: string; stderr?: string };
        throw new Error(`--only ${code} failed\n${stdout ?? ''}\n${stderr ?? ''}`, { cause: error });
      }
      mergeByCopying(job, siteDir);
    }
  }
  server = await startStaticServer(siteDir);
});

afterAll(async () => {
  await server.close();
  if (temp !== undefined) rmSync(temp, { recursive: true, force: true });
});

const ATTRIBUTE = /\s(?:href|src|action|data-index)="([^"]*)"/g;

/** Where a page's links and sources lead on this server (fragments dropped), other sites left out. */
function addressesOf(html: string, page: string): string[] {
  const origin = new URL(page).origin;
  return [...html.matchAll(ATTRIBUTE)]
    .map((match) => new URL(match[1]!.replaceAll('&amp;', '&'), page))
    .filter((url) => url.origin === origin)
    .map((url) => {
      url.hash = '';
      return url.href;
    });
}

/** The part of the merged site a path belongs to: a shard's code, the shared assets, or the index. */
function partOf(path: string): string {
  const first = path.split('/')[1] ?? '';
  if (SHARDS.includes(first) || first === '_astro') return first;
  return path === '/' || path === '/en/' ? 'index' : `outside: ${path}`;
}

describe('shards built one by one and merged by copying', () => {
  it('wrote no two different files under one name; share one _astro/ and an index', () => {
    expect(clashes).toEqual([]);
    expect(readdirSync(siteDir).sort()).toEqual([...SHARDS, '_astro', 'en', 'index.html'].sort());
    expect(readdirSync(join(siteDir, 'en'))).toEqual(['index.html']);
    for (const code of SHARDS) expect(existsSync(join(siteDir, code, '_astro'))).toBe(false);
  });

  it('every link from the index, followed through every page, answers 200 and stays in its shard', async () => {
    const origin = server.url;
    const queue = [`${origin}/`, `${origin}/en/`];
    const seen = new Map<string, string>(queue.map((url) => [url, 'start']));
    const failures: string[] = [];
    const leaks: string[] = [];
    let pages = 0;
    while (queue.length > 0) {
      const url = queue.shift()!;
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status !== 200) {
        failures.push(`${response.status} ${url} (on ${seen.get(url)})`);
        continue;
      }
      if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) continue;
      pages += 1;
      const from = partOf(new URL(url).pathname);
      for (const next of addressesOf(await response.text(), url)) {
        const to = partOf(new URL(next).pathname);
        // A shard's page leads within the shard or to the shared assets; the index leads into the shards.
        if (to.startsWith('outside') || (from !== 'index' && to !== from && to !== '_astro')) leaks.push(`${url} → ${next}`);
        if (!seen.has(next)) {
          seen.set(next, url);
          queue.push(next);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(leaks).toEqual([]);
    // Both shards were reached from the index, each with its home, map, town and village pages in two languages.
    for (const code of SHARDS) {
      for (const path of [`/${code}/`, `/${code}/en/`, `/${code}/map/`, `/${code}/towns/${code}/`]) expect(seen.has(`${origin}${path}`), path).toBe(true);
    }
    expect(pages).toBeGreaterThan(100);
  });
});

const session = useBrowser();

describe('a shard’s pages in Chromium', () => {
  it.each(SHARDS.flatMap((code) => ['/', '/en/', '/map/', '/en/map/'].map((path) => `/${code}${path}`)))(
    '%s loads its shared styles and scripts with no failed request and no error',
    async (path) => {
      const { page, watched } = session;
      watched.errors.length = 0;
      watched.requests.length = 0;
      await (path.endsWith('/map/') ? visitDrawn(page, `${server.url}${path}`) : visit(page, `${server.url}${path}`));
      const assets = await page.$$eval('link[rel="stylesheet"], script[src]', (elements) =>
        elements.map((element) => new URL(element.getAttribute('href') ?? element.getAttribute('src') ?? '', document.baseURI).pathname),
      );
      expect(assets.length).toBeGreaterThan(0);
      for (const asset of assets) expect(asset).toMatch(/^\/_astro\//);
      expect(await page.evaluate(() => [...document.styleSheets].every((sheet) => sheet.cssRules.length > 0))).toBe(true);
      expect(watched.errors).toEqual([]);
    },
  );
});
