import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
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

describe('the formula names in every CSV download of the hostile site', () => {
  const distDir = inject('hostileDistDir');
  const csvFiles = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.csv'));
  const FORMULAS = ['=HYPERLINK("http://x","y")', '@SUM(1)', "+cmd|' /C calc'!A0", '-2+3'];
  /** What a spreadsheet reads as a formula (OWASP): a cell starting with = + - @ tab or CR that is not just a number. */
  const isLiveFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell);
  const cellsOf = (file: string) =>
    Papa.parse<string[]>(readFileSync(join(distDir, file), 'utf8').replace(/^\uFEFF/, ''), { newline: '\n', skipEmptyLines: true }).data.flat();

  it('publishes data files, the reconciliation table and chart CSVs', () => {
    expect(csvFiles).toEqual(expect.arrayContaining(['data/projects.csv', 'data/reconciliation.csv']));
    expect(csvFiles.filter((file) => file.startsWith(join('data', 'charts'))).length).toBeGreaterThan(0);
  });

  it('has no cell in any .csv under dist/ that a spreadsheet would run as a formula', () => {
    const live = csvFiles.flatMap((file) =>
      cellsOf(file)
        .filter(isLiveFormula)
        .map((cell) => `${file}: ${JSON.stringify(cell)}`),
    );
    expect(live).toEqual([]);
  });

  it('publishes each formula name with a leading apostrophe, in the data files and in a chart CSV', () => {
    const defused = new Set(csvFiles.flatMap(cellsOf));
    for (const name of FORMULAS) expect(defused, name).toContain(`'${name}`);
    const chartCells = new Set(csvFiles.filter((file) => file.startsWith(join('data', 'charts'))).flatMap(cellsOf));
    expect(chartCells, 'a place named @SUM(1) in a chart').toContain("'@SUM(1)");
  });
});
