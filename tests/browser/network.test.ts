import { describe, expect, it } from 'vitest';
import { inBothLocales, keyPages, otherPages, siteUnderTest, useBrowser, visitDrawn, watchPage } from './browser.ts';

const { siteUrl, places } = siteUnderTest();
const session = useBrowser();

const pages = inBothLocales([...keyPages(places), ...otherPages(places)]);

describe('with the default tiles (none)', () => {
  it.each(pages)('the $name page requests nothing but the site itself', async ({ url }) => {
    const watched = await watchPage(session.context);
    await visitDrawn(watched.page, `${siteUrl}${url}`);
    const origin = new URL(siteUrl).origin;
    const elsewhere = watched.requests.filter((request) => {
      const { protocol, origin: requested } = new URL(request);
      return protocol !== 'data:' && protocol !== 'blob:' && requested !== origin;
    });
    expect(elsewhere).toEqual([]);
    await watched.page.close();
  });
});
