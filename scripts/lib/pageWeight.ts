/**
 * What a page weighs on a first visit: loaded in Chromium with an empty cache from the project's
 * static server (which gzips, as a web server would), the bytes of every response body as transferred
 * and the requests, against the page's budget (1 KB = 1,000 bytes). `npm run bench:site` prints them;
 * the browser tests hold the home and a village page to their budgets.
 */
import type { Browser } from 'playwright-core';

export const KB = 1000;

/** The budgets of the README: home ≤ 50 KB, a village's page ≤ 25 KB, the map ≤ 90 KB, gzipped. */
/** The spreadsheet checker carries the validator itself; only that page loads it. */
export const BUDGETS = { home: 50 * KB, village: 25 * KB, map: 90 * KB, check: 120 * KB } as const;

/** The village page the benchmarks weigh: one with a surveyed point (its own marker), or the first. */
export function benchVillage<V extends { location_precision: string }>(villages: readonly V[]): V {
  const village = villages.find((v) => v.location_precision === 'surveyed') ?? villages[0];
  if (village === undefined) throw new Error('数据中没有嘎查村 · No village in the data');
  return village;
}

export type PageWeight = {
  name: string;
  path: string;
  budget: number;
  bytes: number;
  requests: number;
  offSite: string[];
  /** HTTP status of the page itself: a missing page weighs nothing and must not pass for light. */
  status: number;
  largest: { url: string; bytes: number }[];
};

export async function weighPage(browser: Browser, origin: string, name: string, path: string, budget: number): Promise<PageWeight> {
  // A fresh context per page: an empty cache, as a first visit from a phone would have.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const finished: Promise<{ url: string; bytes: number }>[] = [];
  page.on('requestfinished', (request) => {
    finished.push(request.sizes().then((sizes) => ({ url: request.url(), bytes: sizes.responseBodySize })));
  });
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  const all: string[] = [];
  page.on('request', (request) => all.push(request.url()));

  const response = await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  if (path.endsWith('/map/')) await page.waitForSelector('.village-marker', { timeout: 15_000 }).catch(() => undefined);
  await page.waitForLoadState('networkidle');
  const responses = await Promise.all(finished);
  await context.close();

  const offSite = all.filter((url) => {
    const parsed = new URL(url);
    return parsed.protocol !== 'data:' && parsed.protocol !== 'blob:' && parsed.origin !== origin;
  });
  return {
    name,
    path,
    budget,
    bytes: responses.reduce((sum, r) => sum + r.bytes, 0),
    requests: responses.length + failed.length,
    offSite,
    status: response?.status() ?? 0,
    largest: [...responses].sort((a, b) => b.bytes - a.bytes).slice(0, 5),
  };
}
