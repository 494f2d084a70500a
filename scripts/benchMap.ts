/**
 * npm run bench:map [-- --villages 15000 --repeats 5 --site <dist>]
 *
 * The progress map's first render at province scale: a seeded synthetic province of `--villages`
 * villages (scripts/lib/syntheticMap.ts: the site's own payload builder on synthetic records) put in
 * place of the map page of a built site (`--site`, default dist/; build it with `npm run build`),
 * loaded in headless Chromium `--repeats` times. Reports the page's own measure
 * `progress-map-first-render` (ProgressMap.astro: from reading the data to the villages drawn), the
 * time until the division markers that follow in the next frame are placed (`progress-map-divisions`), the
 * payload's size, and the page's weight before tiles, against issue 18's targets (≤ 100 ms for
 * 15,000 villages, ≤ 150 KB gzip).
 *
 * Not a timed test: it prints numbers (exit code 0 unless something could not run).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from 'd3-array';
import { chromium } from 'playwright-core';
import { parseOrExit, wholeNumber } from './lib/command.ts';
import { DIST_DIR } from './lib/publish.ts';
import { startStaticServer } from './lib/staticServer.ts';
import { KB } from './lib/pageWeight.ts';
import { printTable } from './lib/benchBuild.ts';
import { syntheticMap, syntheticMapPage } from './lib/syntheticMap.ts';
import { villageDetailsPath } from '../src/derive/map/clientPayload.ts';
import { LOCALES } from '../src/i18n/locale.ts';

const { values } = parseOrExit<{ villages: string; repeats: string; site: string }>({
  name: 'npm run bench:map',
  summary: {
    zh: '地图基准：以固定种子生成的省级示意地图（默认 15000 个嘎查村）替换已构建网站的地图页数据，在无界面 Chromium 中测量首次渲染时间和页面大小。',
    en: 'Map benchmark: a seeded synthetic province (15,000 villages unless told) in place of a built site’s map data, its first render and page weight in headless Chromium.',
  },
  options: {
    villages: { type: 'string', default: '15000', value: 'n', description: { zh: '嘎查村数', en: 'Number of villages' }, check: wholeNumber(1) },
    repeats: { type: 'string', default: '5', value: 'n', description: { zh: '每种语言加载的次数', en: 'Loads per language' }, check: wholeNumber(1) },
    site: { type: 'string', default: DIST_DIR, value: 'dir', description: { zh: '已构建的网站（默认 dist/）', en: 'A built site (dist/ unless told)' } },
  },
  environment: { CHROMIUM_PATH: { zh: 'Chromium 路径（默认 /usr/bin/chromium）', en: 'Path to Chromium (/usr/bin/chromium unless set)' } },
  exitCodes: { 1: { zh: '没有已构建的网站，或测量失败', en: 'no built site, or a measurement failed' } },
});

const VILLAGES = Number(values.villages);
const REPEATS = Number(values.repeats);
const SITE = values.site;
const TARGET_MS = 100;
const TARGET_BYTES = 150 * KB;

if (!existsSync(join(SITE, 'map', 'index.html'))) {
  console.error(`没有已构建的网站：${SITE}（先运行 npm run build）· No built site at ${SITE} (run npm run build first)`);
  process.exit(1);
}

const server = await startStaticServer(SITE);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
/** A measurement that could not be made: said in one bilingual line, without a stack. */
class MeasureFailed extends Error {}

const rows: string[][] = [];
let failed = false;
try {
  for (const locale of LOCALES) {
    const started = performance.now();
    const map = syntheticMap(VILLAGES, locale);
    const built = performance.now() - started;
    const path = locale === 'en' ? '/en/map/' : '/map/';
    const original = await (await fetch(`${server.url}${path}`)).text();
    const page = syntheticMapPage(original, map);
    const details = JSON.stringify(map.details);
    const times: number[] = [];
    const divisions: number[] = [];
    let weight = 0;
    for (let run = 0; run < REPEATS; run += 1) {
      // A fresh context each time: an empty cache, as a first visit.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const tab = await context.newPage();
      await tab.route(`${server.url}${path}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page }));
      await tab.route(`**${villageDetailsPath(locale)}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: details }));
      const sizes: Promise<number>[] = [];
      // The site's own files as its static server gzips them; the substituted page is gzipped below alike.
      tab.on('requestfinished', (request) => {
        if (request.url() !== `${server.url}${path}`)
          sizes.push(
            request.sizes().then(
              (s) => s.responseBodySize,
              () => 0,
            ),
          );
      });
      await tab.goto(`${server.url}${path}`, { waitUntil: 'load' });
      await tab.waitForLoadState('networkidle');
      const measured = await tab.evaluate(() => performance.getEntriesByName('progress-map-first-render')[0]?.duration);
      if (measured === undefined) throw new MeasureFailed('地图没有记录首次渲染 · The map recorded no first render');
      times.push(measured);
      // The division markers follow the canvas in the next frame (progressMap.ts), from the same start;
      // a region small enough for a marker per village has none (NaN, shown as –).
      divisions.push(
        await tab.evaluate(
          () =>
            (performance.getEntriesByName('progress-map-divisions')[0]?.startTime ?? Number.NaN) -
            (performance.getEntriesByName('progress-map-start')[0]?.startTime ?? 0),
        ),
      );
      weight = (await Promise.all(sizes)).reduce((sum, bytes) => sum + bytes, 0) + gzipSync(page).length;
      await context.close();
    }
    rows.push([
      locale,
      String(VILLAGES),
      `${(built / 1000).toFixed(1)}`,
      `${(gzipSync(JSON.stringify(map.client)).length / KB).toFixed(1)}`,
      `${(gzipSync(details).length / KB).toFixed(1)}`,
      `${(weight / KB).toFixed(1)} ${weight <= TARGET_BYTES ? '✓' : '✗'}`,
      `${median(times)!.toFixed(0)} (${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)}) ${median(times)! <= TARGET_MS ? '✓' : '✗'}`,
      divisions.some(Number.isNaN) ? '–' : `${median(divisions)!.toFixed(0)} (${Math.min(...divisions).toFixed(0)}–${Math.max(...divisions).toFixed(0)})`,
    ]);
  }
} catch (error) {
  if (!(error instanceof MeasureFailed)) throw error;
  console.error(error.message);
  failed = true;
} finally {
  await browser.close();
  await server.close();
}
if (failed) process.exit(1);
printTable(
  [
    '语言 Locale',
    '嘎查村 Villages',
    '生成数据秒 Payload built s',
    '页内数据 KB gzip Inline',
    '详情 KB gzip Details (fetched on use)',
    '页面 KB gzip Page (≤ 150)',
    '首次渲染毫秒 First render ms (≤ 100)',
    '区划标记毫秒 Division markers ms',
  ],
  rows,
);
