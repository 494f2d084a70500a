/**
 * The PNG twins of a built site's pictures (scripts/lib/rasterize.ts): rendered at their density
 * with the bundled font, kept in the cache by their SVG's digest and taken from it the next time,
 * and the cache left holding exactly what the site uses.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { keepPictures, rasterizeSite } from '../../scripts/lib/rasterize.ts';
import { chartImageSvg, socialImageSvg } from '../../src/views/imageFiles.ts';
import { smallSite } from './views/siteFixture.ts';
import { pngSize } from '../support/png.ts';

const temp = mkdtempSync(join(tmpdir(), 'rasterize-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('rasterizeSite', () => {
  test('renders each picture’s PNG at its size, once, and the next build takes it from the cache', async () => {
    const site = join(temp, 'site');
    const cache = join(temp, 'cache');
    const small = smallSite();
    const chart = chartImageSvg(small, '150627101225', 'funds-by-source.zh-CN', new URL('https://example.org'))!;
    const height = Number(/height="(\d+)"/.exec(chart)?.[1]);
    write(join(site, 'data/charts/150627101225/funds-by-source.zh-CN.svg'), chart);
    // The same picture in an edition's folder: one render for both.
    write(join(site, 'editions/e1/data/charts/150627101225/funds-by-source.zh-CN.svg'), chart);
    write(join(site, 'og/150627.en.svg'), socialImageSvg(small, '150627.en')!);
    write(join(site, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

    const first = await rasterizeSite(site, { cacheDir: cache, threads: 2 });
    expect(first).toMatchObject({ pictures: 3, rendered: 2, fromCache: 0 });
    expect(pngSize(readFileSync(join(site, 'data/charts/150627101225/funds-by-source.zh-CN.png')))).toEqual({ width: 2160, height: height * 2 });
    expect(readFileSync(join(site, 'editions/e1/data/charts/150627101225/funds-by-source.zh-CN.png'))).toEqual(
      readFileSync(join(site, 'data/charts/150627101225/funds-by-source.zh-CN.png')),
    );
    expect(pngSize(readFileSync(join(site, 'og/150627.en.png')))).toEqual({ width: 1200, height: 630 });
    expect(existsSync(join(site, 'favicon.png'))).toBe(false);

    // The next build of the same site: nothing rendered.
    rmSync(join(site, 'og/150627.en.png'));
    const second = await rasterizeSite(site, { cacheDir: cache });
    expect(second).toMatchObject({ pictures: 3, rendered: 0, fromCache: 3 });

    // A picture no longer built leaves the cache; one the site has but the cache lost comes back.
    write(join(cache, 'stale.png'), 'x');
    rmSync(join(site, 'og/150627.en.svg'));
    const kept = readdirSync(cache).filter((name) => name.endsWith('.png')).length;
    keepPictures(site, cache);
    expect(readdirSync(cache).sort()).toHaveLength(kept - 2);
  }, 60_000);

  test('text draws: a picture with its words is not the picture without them', async () => {
    const site = join(temp, 'text');
    write(
      join(site, 'og/1.zh-CN.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="1200" height="630" fill="#fff"/></svg>',
    );
    write(
      join(site, 'og/2.zh-CN.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" font-family="Noto Sans SC"><rect width="1200" height="630" fill="#fff"/><text x="40" y="300" font-size="80">高勒庙村</text></svg>',
    );
    await rasterizeSite(site, {});
    expect(readFileSync(join(site, 'og/2.zh-CN.png')).length).toBeGreaterThan(readFileSync(join(site, 'og/1.zh-CN.png')).length + 1000);
  }, 60_000);
});
