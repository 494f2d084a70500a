import { describe, expect, it } from 'vitest';
import { keyPages, otherPages, siteUnderTest, useBrowser, visit } from './browser.ts';

const { siteUrl, places } = siteUnderTest();
const session = useBrowser();

describe('the language switch', () => {
  it('takes a reader from a zh-CN village page to the same village in English and back', async () => {
    const code = places.village.village_code;
    await visit(session.page, `${siteUrl}/villages/${code}/`);
    const toEnglish = session.page.locator('a.language-switch').first();
    expect(await toEnglish.getAttribute('hreflang')).toBe('en');
    await toEnglish.click();
    await session.page.waitForURL((url) => url.pathname === `/en/villages/${code}/`);
    expect(await session.page.locator('html').getAttribute('lang')).toBe('en');

    const toChinese = session.page.locator('a.language-switch').first();
    expect(await toChinese.getAttribute('hreflang')).toBe('zh-CN');
    await toChinese.click();
    await session.page.waitForURL((url) => url.pathname === `/villages/${code}/`);
    expect(await session.page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it.each([...keyPages(places), ...otherPages(places)])('keeps the place on the $name page in both directions', async ({ path }) => {
    await visit(session.page, `${siteUrl}${path}`);
    const toEnglish = new URL((await session.page.locator('a.language-switch').first().getAttribute('href')) ?? '', session.page.url());
    expect(toEnglish.pathname).toBe(`/en${path}`);
    await visit(session.page, `${siteUrl}/en${path}`);
    const toChinese = new URL((await session.page.locator('a.language-switch').first().getAttribute('href')) ?? '', session.page.url());
    expect(toChinese.pathname).toBe(path);
  });
});
