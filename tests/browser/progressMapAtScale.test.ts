/**
 * The progress map at province scale: the fixture site's map page with a seeded synthetic province of
 * 12,000 villages in place of its own data (scripts/lib/syntheticMap.ts: the site's payload builder
 * on synthetic records), so the real client code runs on a province's payload. Drawn on a canvas with a
 * marker per division, drilled down by keyboard to a county's own village markers; filters, the month
 * slider, the funds colouring and the paged list checked against the payload (the sectors, funds bands
 * and monthly stages come with the details, fetched on first use), and two surveyed villages on one
 * point drawn side by side.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { syntheticMap, syntheticMapPage, type SyntheticMap } from '../../scripts/lib/syntheticMap.ts';
import { toClientPayload, toVillageDetails, villageDetailsPath } from '../../src/derive/map/clientPayload.ts';
import { LIST_PAGE_SIZE } from '../../src/derive/map/mapList.ts';
import { isWithin } from '../../src/model/divisionCode.ts';
import { siteUnderTest, useBrowser } from './browser.ts';

const VILLAGES = 12_000;
const { siteUrl } = siteUnderTest();
const session = useBrowser();
let map: SyntheticMap;
let html: string;
/** The same province with a second surveyed village put on the point of a first, in one town. */
let twins: { map: SyntheticMap; html: string; town: string; codes: [string, string] };

beforeAll(async () => {
  map = syntheticMap(VILLAGES, 'zh-CN');
  const original = await (await fetch(`${siteUrl}/map/`)).text();
  html = syntheticMapPage(original, map);
  const payload = structuredClone(map.payload);
  const surveyed = payload.villages.filter((v) => v.precision === 'surveyed');
  const first = surveyed.find((v) => surveyed.some((w) => w !== v && w.townCode === v.townCode))!;
  const second = surveyed.find((w) => w !== first && w.townCode === first.townCode)!;
  Object.assign(second, { wgs84: first.wgs84, gcj02: first.gcj02, display: first.display });
  const twinMap = { payload, client: toClientPayload(payload), details: toVillageDetails(payload) };
  twins = { map: twinMap, html: syntheticMapPage(original, twinMap), town: first.townCode, codes: [first.code, second.code] };
});

/** Opens the map page (`search`: its query) with the synthetic province, its details answered from memory. */
async function openProvince(page: Page, search = '', province: { map: SyntheticMap; html: string } = { map, html }): Promise<void> {
  await page.unrouteAll();
  await page.route(
    (url) => url.href.startsWith(`${siteUrl}/map/`) && url.pathname === '/map/',
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: province.html }),
  );
  await page.route(`**${villageDetailsPath('zh-CN')}`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(province.map.details) }),
  );
  await page.goto(`${siteUrl}/map/${search}`, { waitUntil: 'load' });
  if (search === '') await page.waitForSelector('.map-division-icon');
}

/** The legend colours of `legend` found as whole pixels on the villages' canvas. */
const coloursDrawn = (page: Page, legend: 'stage' | 'funds') =>
  page.evaluate(
    (colours) => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.progress-map-canvas');
      const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<string>();
      for (let k = 0; data !== undefined && k < data.length; k += 4) {
        if (data[k + 3] === 255) seen.add(`#${[data[k]!, data[k + 1]!, data[k + 2]!].map((c) => c.toString(16).padStart(2, '0')).join('')}`);
      }
      return colours.filter((colour) => seen.has(colour.toLowerCase()));
    },
    map.payload.legends[legend].map((entry) => entry.color),
  );

const codesIn = (place: string) =>
  map.payload.villages
    .filter((v) => isWithin(v.code, place))
    .map((v) => v.code)
    .sort();
const listed = (page: Page) => page.$$eval('#village-list li[data-code]', (items) => items.map((item) => item.getAttribute('data-code') ?? ''));
const status = (page: Page) => page.locator('[data-map-status]').innerText();

describe(`the progress map with ${VILLAGES.toLocaleString('en')} villages`, () => {
  it('draws them on one canvas with a focusable marker per city, not a marker per village, and lists one page', async () => {
    const { page } = session;
    await openProvince(page);
    expect(await page.locator('#progress-map .village-marker').count()).toBe(0);
    expect(await page.locator('#progress-map canvas.progress-map-canvas').count()).toBe(1);
    const cities = map.payload.areas.filter((area) => area.level === 'city');
    const markers = page.locator('#progress-map .map-division-icon');
    expect(await markers.count()).toBe(cities.length);
    for (const city of cities.slice(0, 3)) {
      const label = await page.locator(`#progress-map .map-division-icon[aria-label*="${codesIn(city.code).length.toLocaleString('zh-CN')}"]`).count();
      expect(label).toBeGreaterThan(0);
    }
    expect(await markers.first().getAttribute('tabindex')).toBe('0');
    expect((await listed(page)).length).toBeLessThanOrEqual(LIST_PAGE_SIZE);
    expect(await page.evaluate(() => performance.getEntriesByName('progress-map-first-render').length)).toBe(1);
    expect(session.watched.errors).toEqual([]);
  });

  it('drills down by keyboard, province → city → county, to the county’s own village markers and a popup', async () => {
    const { page } = session;
    await openProvince(page);
    const city = map.payload.areas.find((area) => area.level === 'city')!;
    await page
      .locator(
        `#progress-map .map-division-icon[aria-label^="${(await page.locator('select[name="city"] option[value="' + city.code + '"]').innerText()).trim()}"]`,
      )
      .focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('select[name="city"]').inputValue()).toBe(city.code);
    await expect.poll(() => status(page)).toContain(String(codesIn(city.code).length));
    const counties = map.payload.areas.filter((area) => area.level === 'county' && area.parentCode === city.code);
    await expect.poll(() => page.locator('#progress-map .map-division-icon').count()).toBe(counties.length);

    const county = counties[0]!;
    const countyName = (await page.locator(`select[name="county"] option[value="${county.code}"]`).innerText()).trim();
    await page.locator(`#progress-map .map-division-icon[aria-label^="${countyName}"]`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('select[name="county"]').inputValue()).toBe(county.code);
    const inCounty = codesIn(county.code);
    await expect
      .poll(async () => (await page.$$eval('#progress-map .village-marker[data-code]', (items) => items.map((i) => i.getAttribute('data-code')))).sort())
      .toEqual(inCounty);
    expect(await page.locator('#progress-map .map-division-icon').count()).toBe(0);
    await expect.poll(async () => (await listed(page)).sort()).toEqual(inCounty);

    const marker = page
      .locator('#progress-map .leaflet-marker-icon')
      .filter({ has: page.locator('.village-marker') })
      .first();
    expect(await marker.getAttribute('tabindex')).toBe('0');
    const box = await marker.boundingBox();
    expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(24);
    await marker.focus();
    await page.keyboard.press('Enter');
    await page.locator('.leaflet-popup a[href*="/villages/"]').waitFor({ state: 'visible' });
    expect(session.watched.errors).toEqual([]);
  });

  it('filters by stage and town at once, list and count from the payload', async () => {
    const { page } = session;
    await openProvince(page);
    const operating = map.payload.villages.filter((v) => v.latestStage === 'operating').map((v) => v.code);
    await page.locator('select[name="stage"]').selectOption('operating');
    await expect.poll(() => status(page)).toContain(String(operating.length));
    // The rows follow once the details (names) have come; the count is said at once.
    const operatingSet = new Set(operating);
    await expect.poll(async () => (await listed(page)).every((code) => operatingSet.has(code))).toBe(true);
    expect((await listed(page)).length).toBe(Math.min(LIST_PAGE_SIZE, operating.length));

    const town = map.payload.towns[5]!.code;
    await page.locator('select[name="town"]').selectOption(town);
    const expected = map.payload.villages.filter((v) => v.townCode === town && v.latestStage === 'operating').map((v) => v.code);
    await expect.poll(async () => (await listed(page)).sort()).toEqual(expected.sort());
  });

  it('moves the month slider: the stage filter follows the month chosen', async () => {
    const { page } = session;
    await openProvince(page);
    await page.locator('select[name="stage"]').selectOption('planning');
    const slider = page.locator('input[name="month"]');
    await slider.fill('0');
    await slider.dispatchEvent('input');
    const first = map.payload.villages.filter((v) => v.stageByMonth[0] === 'planning').length;
    await expect.poll(() => status(page)).toContain(String(first));
    expect(first).not.toBe(map.payload.villages.filter((v) => v.latestStage === 'planning').length);
  });

  it('pages through the list by keyboard, names the range, and shows a listed village on the map', async () => {
    const { page } = session;
    await openProvince(page);
    await page.locator('select[name="sector"]').selectOption({ index: 1 });
    const range = page.locator('[data-list-range]');
    await expect.poll(() => range.isVisible()).toBe(true);
    expect(await range.getAttribute('role')).toBe('status');
    const firstPage = await listed(page);
    expect(firstPage).toHaveLength(LIST_PAGE_SIZE);
    const next = page.locator('[data-list-pager] button[data-page="next"]');
    await next.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => range.innerText()).toContain(String(LIST_PAGE_SIZE + 1));
    const secondPage = await listed(page);
    expect(secondPage.some((code) => firstPage.includes(code))).toBe(false);
    expect(await page.locator('#village-list li').count()).toBeLessThanOrEqual(LIST_PAGE_SIZE);

    const code = secondPage[0]!;
    await page.locator(`#village-list li[data-code="${code}"] button[data-show]`).click();
    await page.locator(`.leaflet-popup a[href$="/villages/${code}/"]`).waitFor({ state: 'visible' });
    expect(session.watched.errors).toEqual([]);
  });

  it('colours the canvas by funds band once the details have come (the bands travel with them)', async () => {
    const { page } = session;
    await openProvince(page);
    const stageOnly = map.payload.legends.stage.map((e) => e.color).filter((c) => !map.payload.legends.funds.some((f) => f.color === c));
    expect(stageOnly.length).toBeGreaterThan(0);
    expect((await coloursDrawn(page, 'stage')).some((c) => stageOnly.includes(c))).toBe(true);
    await page.locator('select[name="metric"]').selectOption('funds');
    const bands = new Set(map.payload.villages.map((v) => v.fundsBin)).size;
    await expect.poll(async () => (await coloursDrawn(page, 'funds')).length).toBeGreaterThanOrEqual(Math.min(bands, 3));
    expect((await coloursDrawn(page, 'stage')).some((c) => stageOnly.includes(c))).toBe(false);
    expect(await page.locator('[data-legend="funds"]').isVisible()).toBe(true);
    expect(session.watched.errors).toEqual([]);
  });

  it('draws two surveyed villages the source puts on one point side by side, each its own marker', async () => {
    const { page } = session;
    await openProvince(page, `?place=${twins.town}`, twins);
    const boxes = await Promise.all(
      twins.codes.map(async (code) => {
        const icon = page.locator('#progress-map .leaflet-marker-icon').filter({ has: page.locator(`.village-marker[data-code="${code}"]`) });
        await icon.waitFor();
        return (await icon.boundingBox())!;
      }),
    );
    const [a, b] = boxes.map((box) => [box.x + box.width / 2, box.y + box.height / 2] as const);
    // Apart by at least a marker's box (24 px): neither hides the other, and each can be tapped.
    expect(Math.hypot(a![0] - b![0], a![1] - b![1])).toBeGreaterThanOrEqual(24);
    expect(session.watched.errors).toEqual([]);
  });
});
