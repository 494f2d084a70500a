/**
 * region.json `languages`: a site in Chinese alone publishes no English page and names none — no
 * language switch, no hreflang, no English twin in the sitemap — while the default site names both.
 * The page frame is rendered with Astro's container API from a data folder whose region.json says so.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sitemapXml } from '../../src/publish/sitemap.ts';
import { buildPageFrame } from '../../src/derive/views/pageFrame.ts';
import { smallSite } from './views/siteFixture.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const temp = mkdtempSync(join(tmpdir(), 'languages-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A data folder (the region fixture's settings) whose region.json publishes these languages. */
function dataFolder(languages: string[]): string {
  const dir = join(temp, languages.join('+'));
  cpSync(join(FIXTURES, 'small'), dir, { recursive: true });
  const settings = JSON.parse(readFileSync(join(FIXTURES, 'region', 'region.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'region.json'), JSON.stringify({ ...settings, languages }));
  return dir;
}

/** The page frame rendered with DATA_DIR naming the folder: modules that read the settings are loaded afresh. */
async function renderPage(dataDir: string): Promise<string> {
  vi.resetModules();
  vi.stubEnv('DATA_DIR', dataDir);
  try {
    // Imported by a path made at run time: plain `tsc` has no type declarations for .astro modules.
    const layout = '../../src/layouts/Page.astro';
    const { default: Page } = (await import(/* @vite-ignore */ layout)) as { default: AstroComponentFactory };
    const container = await AstroContainer.create();
    const frame = buildPageFrame(smallSite());
    return await container.renderToString(Page, {
      props: { locale: 'zh-CN', frame, title: '札萨克镇', description: '札萨克镇', path: '/towns/150627101/', illustrative: false },
    });
  } finally {
    vi.unstubAllEnvs();
  }
}

describe('a site in Chinese alone', () => {
  it('has no language switch and no hreflang, where the bilingual site has both', async () => {
    const chinese = await renderPage(dataFolder(['zh-CN']));
    expect(chinese).toContain('rel="canonical"');
    expect(chinese).not.toContain('hreflang');
    expect(chinese).not.toContain('language-switch');
    expect(chinese).not.toMatch(/href="[^"]*\/en\//);

    const both = await renderPage(dataFolder(['zh-CN', 'en']));
    expect(both).toContain('hreflang="en"');
    expect(both).toContain('class="language-switch"');
    expect(both).toMatch(/href="[^"]*\/en\/towns\/150627101\/"/);
  }, 60_000);

  it('lists each page once in the sitemap, with no twin to name', () => {
    const xml = sitemapXml([{ 'zh-CN': 'https://example.org/' }, { 'zh-CN': 'https://example.org/a/' }]);
    expect([...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual(['https://example.org/', 'https://example.org/a/']);
    expect(xml).not.toContain('hreflang');
  });
});
