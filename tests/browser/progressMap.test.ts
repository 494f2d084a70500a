import { describe, expect, it } from 'vitest';
import type { Response } from 'playwright-core';
import { isWithin } from '../../src/model/divisionCode.ts';
import { inLocale, LOCALES, siteUnderTest, useBrowser, visit } from './browser.ts';

const { siteUrl, places } = siteUnderTest();
const session = useBrowser();

describe.each(LOCALES)('the progress map (%s)', (locale) => {
  it('shows one marker per village in the data', async () => {
    await visit(session.page, `${siteUrl}${inLocale('/map/', locale)}`);
    await session.page.waitForSelector('#progress-map .village-marker[data-code]');
    const codes = await session.page.$$eval('#progress-map .village-marker[data-code]', (markers) => markers.map((marker) => marker.getAttribute('data-code')));
    expect([...codes].sort()).toEqual(places.data.records.villages.map((v) => v.village_code).sort());
  });

  it('lists one item per village beside the map', async () => {
    await visit(session.page, `${siteUrl}${inLocale('/map/', locale)}`);
    const codes = await session.page.$$eval('#village-list li[data-code]', (items) => items.map((item) => item.getAttribute('data-code')));
    expect([...codes].sort()).toEqual(places.data.records.villages.map((v) => v.village_code).sort());
  });

  it("opens a marker's popup on click, and the popup's link reaches the village page", async () => {
    const { village_code: code, name } = places.village;
    await visit(session.page, `${siteUrl}${inLocale('/map/', locale)}`);
    await session.page.locator(`#progress-map .village-marker[data-code="${code}"]`).click();
    const link = session.page.locator(`.leaflet-popup a[href$="/villages/${code}/"]`);
    await link.waitFor({ state: 'visible' });
    // Followed from the keyboard: a pointer click can land beside the link while Leaflet still pans the
    // map to fit the popup (seen on a loaded machine); the link and where it leads are what is tested.
    await link.focus();
    await session.page.keyboard.press('Enter');
    await session.page.waitForURL((url) => url.pathname === inLocale(`/villages/${code}/`, locale));
    expect(await session.page.locator('h1').innerText()).toContain(name);
  });
});

describe('the progress map as the page settles', () => {
  // Where scripts run, the filters' room is kept before the script shows them (src/styles/map.css):
  // the map used to move down by their height, Lighthouse's layout shift of 0.07.
  it('does not move the map when its filters appear', async () => {
    const page = await session.context.newPage();
    try {
      await page.setViewportSize({ width: 412, height: 823 });
      await page.addInitScript(() => {
        const shifts: number[] = [];
        (window as unknown as { shifts: number[] }).shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${siteUrl}/map/`);
      await page.waitForSelector('form.progress-map-controls:not([hidden])');
      await page.waitForSelector('#progress-map .village-marker[data-code]');
      const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
      expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThan(0.01);
    } finally {
      await page.close();
    }
  });
});

describe('the progress map’s filters, list and keyboard', () => {
  it('filters markers and list together by town, and announces how many villages it shows', async () => {
    const town = places.townCode;
    const inTown = places.data.records.villages
      .filter((v) => isWithin(v.village_code, town))
      .map((v) => v.village_code)
      .sort();
    await visit(session.page, `${siteUrl}/map/`);
    await session.page.waitForSelector('#progress-map .village-marker[data-code]');
    await session.page.locator('select[name="town"]').selectOption(town);
    const visibleList = await session.page.$$eval('#village-list li[data-code]:not([hidden])', (items) => items.map((i) => i.getAttribute('data-code')));
    expect([...visibleList].sort()).toEqual(inTown);
    const markers = await session.page.$$eval('#progress-map .village-marker[data-code]', (items) => items.map((i) => i.getAttribute('data-code')));
    expect([...markers].sort()).toEqual(inTown);
    const status = await session.page.locator('[data-map-status]').innerText();
    expect(status).toContain(String(inTown.length));
    expect(await session.page.locator('[data-map-status]').getAttribute('aria-live')).toBe('polite');
  });

  it('filters by stage: every remaining list item’s village has that stage in the latest month', async () => {
    const latestMonth = [...new Set(places.data.records.monthly.map((m) => m.month))].sort().at(-1);
    const stageOf = new Map(places.data.records.monthly.filter((m) => m.month === latestMonth).map((m) => [m.village_code, m.stage]));
    await visit(session.page, `${siteUrl}/map/`);
    await session.page.waitForSelector('#progress-map .village-marker[data-code]');
    await session.page.locator('select[name="stage"]').selectOption('operating');
    const visible = await session.page.$$eval('#village-list li[data-code]:not([hidden])', (items) => items.map((i) => i.getAttribute('data-code') ?? ''));
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.length).toBeLessThan(places.data.records.villages.length);
    for (const code of visible) expect(stageOf.get(code)).toBe('operating');
  });

  it('reaches markers by keyboard and opens a popup with Enter', async () => {
    await visit(session.page, `${siteUrl}/map/`);
    const marker = session.page
      .locator('#progress-map .leaflet-marker-icon')
      .filter({ has: session.page.locator('.village-marker') })
      .first();
    await marker.waitFor();
    expect(await marker.getAttribute('tabindex')).toBe('0');
    await marker.focus();
    await session.page.keyboard.press('Enter');
    await session.page.locator('.leaflet-popup a[href*="/villages/"]').waitFor({ state: 'visible' });
  });

  it('moves the month slider and names the month it shows', async () => {
    const months = [...new Set(places.data.records.monthly.map((m) => m.month))].sort();
    await visit(session.page, `${siteUrl}/map/`);
    await session.page.waitForSelector('#progress-map .village-marker[data-code]');
    const slider = session.page.locator('input[name="month"]');
    await slider.fill('0');
    await slider.dispatchEvent('input');
    const shown = await session.page.locator('.progress-map-month output').innerText();
    const [year, month] = months[0]!.split('-');
    expect(shown).toContain(year!);
    expect(shown).toContain(String(Number(month)));
  });

  it('loads Leaflet only on the map page', async () => {
    const leafletOn = async (path: string) => {
      const bodies: string[] = [];
      const collect = async (response: Response) => {
        if (response.url().endsWith('.js')) bodies.push(await response.text());
      };
      session.page.on('response', collect);
      await visit(session.page, `${siteUrl}${path}`);
      session.page.off('response', collect);
      // Only Leaflet's code creates the class leaflet-container.
      return { scripts: bodies.some((body) => body.includes('leaflet-container')), containers: await session.page.locator('.leaflet-container').count() };
    };
    expect(await leafletOn('/map/')).toEqual({ scripts: true, containers: 1 });
    expect(await leafletOn('/')).toEqual({ scripts: false, containers: 0 });
    expect(await leafletOn(`/villages/${places.village.village_code}/`)).toEqual({ scripts: false, containers: 0 });
  });
});
