import { describe, expect, it } from 'vitest';
import { inBothLocales, siteUnderTest, useBrowser, visit } from './browser.ts';

const { siteUrl, places } = siteUnderTest();
const session = useBrowser({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

const pages = inBothLocales([
  { name: 'home', path: '/' },
  { name: 'village', path: `/villages/${places.village.village_code}/` },
  { name: 'map', path: '/map/' },
]);

describe('on a 360 × 740 phone screen', () => {
  it.each(pages)('the $name page does not scroll sideways', async ({ url }) => {
    const page = await session.context.newPage();
    await visit(page, `${siteUrl}${url}`);
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // The widest offenders, so a failure says what to fix.
      const culprits = [...document.body.querySelectorAll('*')]
        .filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && box.right > width + 1 && getComputedStyle(element).position !== 'fixed';
        })
        .filter((element) => !element.closest('.leaflet-container, .table-scroll, [data-scrolls]'))
        .slice(0, 5)
        .map(
          (element) =>
            `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')} right=${Math.round(element.getBoundingClientRect().right)}`,
        );
      return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
    });
    expect(overflow.scrollWidth, `page wider than the screen; e.g. ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(overflow.width);
    await page.close();
  });
});
