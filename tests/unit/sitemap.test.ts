import { describe, expect, it } from 'vitest';
import { robotsTxt, sitemapXml } from '../../src/publish/sitemap.ts';
import { sitemapPaths } from '../../src/derive/views/sitemapPaths.ts';
import { TOPIC_PATHS } from '../../src/derive/views/frozenPages.ts';
import { placePath } from '../../src/derive/placePath.ts';
import { smallSite } from './views/siteFixture.ts';

describe('sitemapPaths', () => {
  it('lists the live home, topic pages, every place and the editions, then each edition’s own page only', () => {
    const site = smallSite();
    const paths = sitemapPaths(site, ['2021-10-14-a', '2021-11-30-b']);
    expect(paths).toEqual([
      '/',
      ...TOPIC_PATHS,
      ...site.places.map((p) => placePath(p.code)),
      '/editions/',
      '/check/',
      '/editions/2021-10-14-a/',
      '/editions/2021-11-30-b/',
    ]);
    expect(paths).toContain('/villages/150627101225/');
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe('sitemapXml', () => {
  const xml = sitemapXml([
    { 'zh-CN': 'https://example.org/', en: 'https://example.org/en/' },
    { 'zh-CN': 'https://example.org/a?x=1&y=<2>', en: 'https://example.org/en/a' },
  ]);

  it('has one entry per page per language, each naming both languages and x-default', () => {
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual(['https://example.org/', 'https://example.org/en/', 'https://example.org/a?x=1&amp;y=&lt;2&gt;', 'https://example.org/en/a']);
    const first = xml.slice(xml.indexOf('<url>'), xml.indexOf('</url>'));
    expect(first).toContain('hreflang="zh-CN" href="https://example.org/"');
    expect(first).toContain('hreflang="en" href="https://example.org/en/"');
    expect(first).toContain('hreflang="x-default" href="https://example.org/"');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"')).toBe(true);
  });
});

describe('robotsTxt', () => {
  it('allows everything and names the sitemap at its absolute address', () => {
    expect(robotsTxt('https://example.org/sitemap.xml')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n');
  });
});
