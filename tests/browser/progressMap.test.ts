import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { choosePlaces, inLocale, launchChromium, LOCALES, newContext, visit, type SitePlaces } from './browser.ts';

const siteUrl = inject('siteUrl');
let places: SitePlaces;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  places = choosePlaces(inject('siteDataDir'));
  browser = await launchChromium();
  page = await (await newContext(browser)).newPage();
});
afterAll(() => browser?.close());

describe.each(LOCALES)('the progress map (%s)', (locale) => {
  it('shows one marker per village in the data', async () => {
    await visit(page, `${siteUrl}${inLocale('/map/', locale)}`);
    await page.waitForSelector('#progress-map .village-marker[data-code]');
    const codes = await page.$$eval('#progress-map .village-marker[data-code]', (markers) =>
      markers.map((marker) => marker.getAttribute('data-code')),
    );
    expect([...codes].sort()).toEqual(places.data.records.villages.map((v) => v.village_code).sort());
  });

  it('lists one item per village beside the map', async () => {
    await visit(page, `${siteUrl}${inLocale('/map/', locale)}`);
    const codes = await page.$$eval('#village-list li[data-code]', (items) => items.map((item) => item.getAttribute('data-code')));
    expect([...codes].sort()).toEqual(places.data.records.villages.map((v) => v.village_code).sort());
  });

  it("opens a marker's popup on click, and the popup's link reaches the village page", async () => {
    const { village_code: code, name } = places.village;
    await visit(page, `${siteUrl}${inLocale('/map/', locale)}`);
    await page.locator(`#progress-map .village-marker[data-code="${code}"]`).click();
    const link = page.locator(`.leaflet-popup a[href$="/villages/${code}/"]`);
    await link.waitFor({ state: 'visible' });
    await link.click();
    await page.waitForURL((url) => url.pathname === inLocale(`/villages/${code}/`, locale));
    expect(await page.locator('h1').innerText()).toContain(name);
  });
});
