import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { choosePlaces, inLocale, keyPages, launchChromium, LOCALES, newContext, otherPages, visit, watchPage } from './browser.ts';

const siteUrl = inject('siteUrl');
const places = choosePlaces(inject('siteDataDir'));
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
  context = await newContext(browser);
});
afterAll(() => browser?.close());

const pages = LOCALES.flatMap((locale) =>
  [...keyPages(places), ...otherPages(places)].map(({ name, path }) => ({ name: `${name} (${locale})`, url: inLocale(path, locale) })),
);

describe('with the default tiles (none)', () => {
  it.each(pages)('the $name page requests nothing but the site itself', async ({ url }) => {
    const watched = await watchPage(context);
    await visit(watched.page, `${siteUrl}${url}`);
    if (url.endsWith('/map/')) await watched.page.waitForSelector('.village-marker[data-code]');
    const origin = new URL(siteUrl).origin;
    const elsewhere = watched.requests.filter((request) => {
      const { protocol, origin: requested } = new URL(request);
      return protocol !== 'data:' && protocol !== 'blob:' && requested !== origin;
    });
    expect(elsewhere).toEqual([]);
    await watched.page.close();
  });
});
