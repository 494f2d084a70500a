/**
 * The data page's schema.org Dataset: every field the issue names, URLs under the page's own edition,
 * and no value from the data able to end its script element.
 */
import { describe, expect, it } from 'vitest';
import { datasetJsonLd } from '../../src/publish/datasetJsonLd.ts';
import { toScriptJson } from '../../src/publish/toScriptJson.ts';
import { buildDataView, type DatasetDownload } from '../../src/derive/views/dataView.ts';
import { TABLES } from '../../src/read/tables.ts';
import { smallSite } from './views/siteFixture.ts';
import { LOCALES, type Locale } from '../../src/i18n/locale.ts';

const SITE_URL = 'https://example.org/';
const download: DatasetDownload = {
  name: '150627-2021-10-14-test.zip',
  path: '/data/150627-2021-10-14-test.zip',
  bytes: 12_345,
  sha256: 'ab'.repeat(32),
  day: '2021-10-20',
  preview: false,
  title: { zh: '伊金霍洛旗乡村振兴进展数据', en: 'Rural revitalization progress data: Ejin Horo Banner' },
  licenses: [
    { name: 'CC0-1.0', path: 'https://creativecommons.org/publicdomain/zero/1.0/', title: 'CC0 1.0 Universal' },
    { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'CC BY 4.0' },
  ],
};

function jsonLdOf(site = smallSite(), locale: Locale = 'en', shown = download) {
  const view = buildDataView(site, shown);
  const pageUrl = locale === 'en' ? `/en${view.dataset.pagePath}` : view.dataset.pagePath;
  return datasetJsonLd({
    locale,
    siteUrl: SITE_URL,
    pageUrl,
    description: 'A description of the data, a sentence or two long.',
    facts: view.dataset,
    download: shown,
  });
}

describe('datasetJsonLd', () => {
  it('names the dataset, its edition as version, licences, period, region and every download', () => {
    const ld = jsonLdOf();
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Dataset',
      name: download.title.en,
      url: `${SITE_URL}en/data/`,
      version: '2021-10-14-test',
      datePublished: '2021-10-20',
      license: [
        { '@type': 'CreativeWork', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
        { '@type': 'CreativeWork', url: 'https://creativecommons.org/licenses/by/4.0/' },
      ],
      // The earliest date in tests/fixtures/small is project P2's start, 2020-04-01.
      temporalCoverage: '2020-04-01/2021-10-14',
      // South, west, north, east of the three villages' points.
      spatialCoverage: {
        '@type': 'Place',
        name: 'Ejin Horo Banner',
        identifier: '150627',
        geo: { '@type': 'GeoShape', box: '39.248359 109.700427 39.298672 110.200196' },
      },
    });
    expect(ld.distribution.map((d) => [d.name, d.contentUrl, d.encodingFormat])).toEqual([
      ...TABLES.map((t) => [t.file, `${SITE_URL}data/${t.file}`, 'text/csv']),
      ['datapackage.json', `${SITE_URL}data/datapackage.json`, 'application/json'],
      [download.name, `${SITE_URL}data/${download.name}`, 'application/zip'],
    ]);
    expect(ld.distribution.at(-1)).toMatchObject({ contentSize: '12345 B', sha256: download.sha256 });
  });

  it("points a released edition's own data page at the edition's files", () => {
    const site = { ...smallSite(), standing: { kind: 'frozen', latest: undefined, livePath: (p: string) => p } as const };
    const ld = jsonLdOf(site, 'zh-CN', { ...download, path: `/editions/${site.edition}/data/${download.name}` });
    expect(ld.url).toBe(`${SITE_URL}editions/${site.edition}/data/`);
    expect(ld.name).toBe(download.title.zh);
    for (const file of ld.distribution) expect(file.contentUrl).toMatch(new RegExp(`^${SITE_URL}editions/${site.edition}/data/[^/]+$`));
  });

  it('has no publication date for a preview', () => {
    expect(jsonLdOf(smallSite(), 'en', { ...download, preview: true })).not.toHaveProperty('datePublished');
  });

  it('cannot end its script element, whatever the region is called, and reads back unchanged', () => {
    const site = smallSite();
    const hostile = { ...site, region: { ...site.region, name: '</script><script>alert(1)</script><!--', nameEn: '</SCRIPT >' } };
    for (const locale of LOCALES) {
      const ld = jsonLdOf(hostile, locale);
      const embedded = toScriptJson(ld);
      expect(embedded).not.toMatch(/<\/script|<!--|</i);
      expect(JSON.parse(embedded)).toEqual(ld);
    }
  });
});
