/**
 * The topic pages (projects, funds, talent, pairings, monthly review) rendered with Astro's container
 * API: a row per project or village while the region is small, and past the village list's limit (a
 * province's 11,000 villages) each county's towns with their totals, the full table as a download.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { buildFundsView, buildMonthlyView, buildPairingsView, buildProjectsView, buildTalentView } from '../../../src/derive/views/topicViews.ts';
import type { Site } from '../../../src/derive/buildSite.ts';
import type { Locale } from '../../../src/i18n/locale.ts';
import { smallSite } from './siteFixture.ts';

const site = smallSite();

/** Each page: its view, its table's id below the limit, its download, and its heading by town in both languages. */
const PAGES = [
  { view: 'ProjectsView', build: buildProjectsView, table: 'projects-table', file: 'projects', zh: '项目扶持：按镇', en: 'Project support by town' },
  { view: 'FundsView', build: buildFundsView, table: 'funds-table', file: 'funds', zh: '帮扶资金：按镇', en: 'Assistance funds by town' },
  { view: 'TalentView', build: buildTalentView, table: 'talent-table', file: 'talent', zh: '人才扶持：按镇', en: 'Talent support by town' },
  {
    view: 'PairingsView',
    build: buildPairingsView,
    table: 'pairings-table',
    file: 'pairings',
    zh: '包联单位与包联企业：按镇',
    en: 'Paired units and enterprises by town',
  },
  { view: 'MonthlyView', build: buildMonthlyView, table: 'monthly-table', file: 'monthly', zh: '2021年9月调度：按镇', en: 'Review of Sep 2021 by town' },
] as const;

async function render(page: (typeof PAGES)[number], locale: Locale, limit: number): Promise<string> {
  vi.stubEnv('DATA_DIR', join(import.meta.dirname, '..', '..', 'fixtures', 'region'));
  try {
    // Imported by a path made at run time: plain `tsc` has no type declarations for .astro modules.
    const path = `../../../src/views/${page.view}.astro`;
    const { default: View } = (await import(/* @vite-ignore */ path)) as { default: AstroComponentFactory };
    const container = await AstroContainer.create();
    const model = (page.build as (site: Site, limit: number) => unknown)(site, limit);
    return await container.renderToString(View, { props: { locale, model } });
  } finally {
    vi.unstubAllEnvs();
  }
}

describe.each(PAGES)('the page $view', (page) => {
  it('lists every row while the region is small', async () => {
    const html = await render(page, 'zh-CN', 2000);
    expect(html).toContain(`<table class="data wide" id="${page.table}" data-sortable>`);
    expect(html).toMatch(/href="\/villages\/\d{12}\/"/);
    expect(html).not.toContain('id="by-town"');
  }, 60_000);

  it.each(['zh-CN', 'en'] as const)(
    'past the limit lists each county’s towns with their totals and offers the full table as a download (%s)',
    async (locale) => {
      const html = await render(page, locale, 2);
      const prefix = locale === 'en' ? '/en' : '';
      expect(html).not.toMatch(/href="[^"]*\/villages\/\d{12}\/"/);
      expect(html).not.toContain('data-sortable');
      expect(html).toContain('id="by-town"');
      expect(html).toContain(page[locale === 'en' ? 'en' : 'zh']);
      expect(html).toContain(locale === 'en' ? '3 villages in 2 towns' : '共3个嘎查村，分属2个镇');
      expect(html).toContain('id="county-150627"');
      expect(html).toContain(`href="${prefix}/counties/150627/"`);
      for (const town of ['150627101', '150627102']) expect(html).toContain(`href="${prefix}/towns/${town}/"`);
      // A table per county, captioned and with headers; the towns' names are row headers.
      expect(html).toContain(locale === 'en' ? ': the towns of Ejin Horo Banner (伊金霍洛旗)</caption>' : '<caption>伊金霍洛旗各镇：');
      expect(html).toContain('<th scope="row">');
      // The download is the panel of the table below the limit, where citations of it point.
      expect(html).toContain(`id="${page.table}"`);
      expect(html).toContain(`href="#${page.table}"`);
      expect(html).toContain(`/data/rows/150627/${page.file}.csv`);
    },
    60_000,
  );
});

it('the talent page past the limit says what a town’s count holds, in both languages', async () => {
  const page = PAGES[2];
  expect(await render(page, 'zh-CN', 2)).toContain('镇的人数包括其嘎查村的');
  expect(await render(page, 'en', 2)).toContain('A town’s count includes its villages’');
}, 60_000);
