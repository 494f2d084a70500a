/**
 * The cite panel's line of the rows a figure comes from: whole while short; a province's thousands of
 * scattered rows are a few ranges, an ellipsis and how many rows in all (the download names each).
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { citedCharts } from '../../../src/derive/views/figureCite.ts';
import { buildPageFrame } from '../../../src/derive/views/pageFrame.ts';
import { placePath } from '../../../src/derive/placePath.ts';
import type { Locale } from '../../../src/i18n/locale.ts';
import { smallSite } from './siteFixture.ts';

const site = smallSite();
const VILLAGE = '150627101225';

async function render(locale: Locale, rowCount: number): Promise<string> {
  vi.stubEnv('DATA_DIR', join(import.meta.dirname, '..', '..', 'fixtures', 'region'));
  try {
    const path = '../../../src/components/CitePanel.astro';
    const { default: CitePanel } = (await import(/* @vite-ignore */ path)) as { default: AstroComponentFactory };
    const { cite } = citedCharts(site, VILLAGE)['funds-by-source']!;
    const rows = cite.rows[0]!;
    // Every other row of a long file: as many ranges as rows.
    const records = Array.from({ length: rowCount }, (_, i) => ({ ...rows.records[0]!, row: 2 + 2 * i }));
    const scattered = { ...cite, rows: [{ ...rows, records, path: `${rows.path}-${rowCount}` }] };
    const container = await AstroContainer.create();
    return await container.renderToString(CitePanel, { props: { locale, cite: scattered, page: { frame: buildPageFrame(site), path: placePath(VILLAGE) } } });
  } finally {
    vi.unstubAllEnvs();
  }
}

describe('the rows a cited figure comes from', () => {
  it.each([
    ['zh-CN', '（共 2,500 行，每行的行号见下载）'],
    ['en', '(2,500 rows in all; the download names every row)'],
  ] as const)('past 20 ranges: the first 20, an ellipsis and the number of rows (%s)', async (locale, total) => {
    const html = await render(locale, 2500);
    expect(html).toContain(`funds.csv 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, … ${total}`);
    expect(html).not.toContain(', 42');
  });

  it('lists every range while there are 20 or fewer', async () => {
    const html = await render('en', 20);
    expect(html).toContain('funds.csv 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40');
    expect(html).not.toContain('…');
  });
});
