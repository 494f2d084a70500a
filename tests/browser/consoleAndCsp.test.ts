import { describe, expect, it } from 'vitest';
import { embedPages, inBothLocales, keyPages, otherPages, siteUnderTest, useBrowser, visit, visitDrawn, watchPage } from './browser.ts';

const { siteUrl, places } = siteUnderTest();
const session = useBrowser();

const pages = [
  ...inBothLocales([...keyPages(places), ...otherPages(places), ...embedPages(places)]),
  // The page a host serves for any unknown address (its 404 status would itself log a console error).
  { name: '404 (zh-CN)', url: '/404.html' },
];

describe('pages under the strict Content-Security-Policy', () => {
  it('carry the policy in a meta tag', async () => {
    const watched = await watchPage(session.context);
    await visit(watched.page, `${siteUrl}/`);
    const policy = await watched.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'self'"]) {
      expect(policy).toContain(directive);
    }
    await watched.page.close();
  });

  it.each(pages)('the $name page logs no console error and breaks no CSP rule', async ({ url }) => {
    const watched = await watchPage(session.context);
    await visitDrawn(watched.page, `${siteUrl}${url}`);
    expect(await watched.cspViolations(), 'securitypolicyviolation events').toEqual([]);
    expect(watched.errors, 'console errors and uncaught exceptions').toEqual([]);
    await watched.page.close();
  });
});
