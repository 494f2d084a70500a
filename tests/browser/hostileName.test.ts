import { describe, expect, inject, it } from 'vitest';
import { inLocale, LOCALES, useBrowser, visit } from './browser.ts';
import { loadDataDir } from '../../src/load/readDataDir.ts';
import { countyOf, townOf } from '../../src/model/divisionCode.ts';
import { placePath } from '../../src/derive/placePath.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const hostileUrl = inject('hostileUrl');
const village = loadDataDir(inject('hostileDataDir')).records.villages.find((v) => v.name.includes(HOSTILE));
if (village === undefined) throw new Error(`tests/fixtures/hostile has no village named ${HOSTILE}…`);
const code = village.village_code;

const session = useBrowser();

/** What an executed payload would leave behind: an <img src="x">, a request for …/x, an alert. */
async function expectNothingRan(): Promise<void> {
  const images = await session.page.$$eval('img', (imgs) => imgs.filter((img) => img.getAttribute('src') === 'x').length);
  expect(images, '<img src="x"> elements in the page').toBe(0);
  expect(
    session.watched.requests.filter((url) => new URL(url).pathname.endsWith('/x')),
    'requests for the payload image',
  ).toEqual([]);
  expect(session.watched.dialogs, 'dialogs opened').toEqual([]);
}

describe.each(LOCALES)('the hostile village name (%s)', (locale) => {
  it(`shows ${HOSTILE} as text in the village page heading and runs nothing (${locale})`, async () => {
    await visit(session.page, `${hostileUrl}${inLocale(`/villages/${code}/`, locale)}`);
    expect(await session.page.locator('h1').innerText()).toContain(HOSTILE);
    await expectNothingRan();
  });

  it(`shows ${HOSTILE} as text in the map's list and popup and runs nothing (${locale})`, async () => {
    await visit(session.page, `${hostileUrl}${inLocale('/map/', locale)}`);
    expect(await session.page.locator(`#village-list li[data-code="${code}"]`).innerText()).toContain(HOSTILE);
    await session.page.locator(`#progress-map .village-marker[data-code="${code}"]`).click();
    const popup = session.page.locator('.leaflet-popup-content');
    await popup.waitFor({ state: 'visible' });
    expect(await popup.innerText()).toContain(HOSTILE);
    await expectNothingRan();
  });

  it(`shows ${HOSTILE} as text in the index of all villages and runs nothing (${locale})`, async () => {
    await visit(session.page, `${hostileUrl}${inLocale('/villages/', locale)}`);
    expect(await session.page.locator('main').innerText()).toContain(HOSTILE);
    await expectNothingRan();
  });

  it(`runs nothing on the home, town and region pages (${locale})`, async () => {
    for (const path of ['/', placePath(townOf(code)), placePath(countyOf(code))]) {
      await visit(session.page, `${hostileUrl}${inLocale(path, locale)}`);
      await expectNothingRan();
    }
  });
});
