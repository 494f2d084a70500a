/**
 * The list of every village, rendered with Astro's container API: as it is for a county, and past
 * its limit (a province's 11,000 villages) by county and town, with the full list as a download.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { buildVillagesView } from '../../../src/derive/views/villagesView.ts';
import type { Locale } from '../../../src/i18n/locale.ts';
import { smallSite } from './siteFixture.ts';

const site = smallSite();

async function render(locale: Locale, limit: number): Promise<string> {
  vi.stubEnv('DATA_DIR', join(import.meta.dirname, '..', '..', 'fixtures', 'region'));
  try {
    // Imported by a path made at run time: plain `tsc` has no type declarations for .astro modules.
    const view = '../../../src/views/VillagesView.astro';
    const { default: VillagesView } = (await import(/* @vite-ignore */ view)) as { default: AstroComponentFactory };
    const container = await AstroContainer.create();
    return await container.renderToString(VillagesView, { props: { locale, model: buildVillagesView(site, limit) } });
  } finally {
    vi.unstubAllEnvs();
  }
}

describe('the list of every village', () => {
  it('lists every village under its town while the region is small', async () => {
    const html = await render('zh-CN', 2000);
    for (const code of ['150627101212', '150627101225', '150627102200']) expect(html).toContain(`href="/villages/${code}/"`);
    expect(html).toContain('id="town-150627101"');
    expect(html).not.toContain('id="all-villages"');
  }, 60_000);

  it.each(['zh-CN', 'en'] as const)(
    'past its limit lists each county’s towns with their totals and offers every village as a download (%s)',
    async (locale) => {
      const html = await render(locale, 2);
      const prefix = locale === 'en' ? '/en' : '';
      expect(html).not.toMatch(/href="[^"]*\/villages\/\d{12}\/"/);
      expect(html).toContain('id="county-150627"');
      expect(html).toContain(`href="${prefix}/towns/150627101/"`);
      expect(html).toContain(`href="${prefix}/towns/150627102/"`);
      expect(html).toContain('href="#all-villages"');
      expect(html).toContain('id="all-villages"');
      expect(html).toContain('/data/rows/150627/villages.csv');
      expect(html).toContain(locale === 'en' ? '3 villages in 2 towns' : '共3个嘎查村，分属2个镇');
    },
    60_000,
  );
});
