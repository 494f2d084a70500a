import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { choosePlaces, keyPages, launchChromium, newContext, otherPages, visit } from './browser.ts';

const siteUrl = inject('siteUrl');
const places = choosePlaces(inject('siteDataDir'));
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await newContext(browser)).newPage();
});
afterAll(() => browser?.close());

describe('the language switch', () => {
  it('takes a reader from a zh-CN village page to the same village in English and back', async () => {
    const code = places.village.village_code;
    await visit(page, `${siteUrl}/villages/${code}/`);
    const toEnglish = page.locator('a.language-switch').first();
    expect(await toEnglish.getAttribute('hreflang')).toBe('en');
    await toEnglish.click();
    await page.waitForURL((url) => url.pathname === `/en/villages/${code}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    const toChinese = page.locator('a.language-switch').first();
    expect(await toChinese.getAttribute('hreflang')).toBe('zh-CN');
    await toChinese.click();
    await page.waitForURL((url) => url.pathname === `/villages/${code}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it.each([...keyPages(places), ...otherPages(places)])('keeps the place on the $name page in both directions', async ({ path }) => {
    await visit(page, `${siteUrl}${path}`);
    const toEnglish = new URL((await page.locator('a.language-switch').first().getAttribute('href')) ?? '', page.url());
    expect(toEnglish.pathname).toBe(`/en${path}`);
    await visit(page, `${siteUrl}/en${path}`);
    const toChinese = new URL((await page.locator('a.language-switch').first().getAttribute('href')) ?? '', page.url());
    expect(toChinese.pathname).toBe(path);
  });
});
