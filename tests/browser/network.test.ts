import { describe, expect, it } from 'vitest';
import { inLocale, keyPages, LOCALES, otherPages, siteUnderTest, useBrowser, visit, watchPage } from './browser.ts';

const { siteUrl, places } = siteUnderTest();
const session = useBrowser();

const pages = LOCALES.flatMap((locale) =>
  [...keyPages(places), ...otherPages(places)].map(({ name, path }) => ({ name: `${name} (${locale})`, url: inLocale(path, locale) })),
);

describe('with the default tiles (none)', () => {
  it.each(pages)('the $name page requests nothing but the site itself', async ({ url }) => {
    const watched = await watchPage(session.context);
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
