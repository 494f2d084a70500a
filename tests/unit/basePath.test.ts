import { describe, expect, it } from 'vitest';
import { absoluteUrl, siteRoot, withBase, withoutBase } from '../../src/model/basePath.ts';
import { prefixBase, rebaseLinks } from '../../src/publish/rebaseLinks.ts';

describe('a base path', () => {
  it('goes in front of root-relative paths only, once', () => {
    expect(withBase('/villages/1/', '/xczx/')).toBe('/xczx/villages/1/');
    expect(withBase('/', '/xczx/sub/')).toBe('/xczx/sub/');
    expect(withBase('/xczx/sub/_astro/a.css', '/xczx/sub/')).toBe('/xczx/sub/_astro/a.css');
    expect(withBase('/xczx/sub', '/xczx/sub/')).toBe('/xczx/sub');
    for (const other of ['#main', '?q=1', 'https://example.org/a', '//cdn.example.org/a', 'mailto:a@b.cn', 'data.csv', ''])
      expect(withBase(other, '/xczx/')).toBe(other);
    expect(withBase('/villages/1/', '/')).toBe('/villages/1/');
  });

  it('comes off a page address, which is then the path the page is known by', () => {
    expect(withoutBase('/xczx/sub/villages/1/', '/xczx/sub/')).toBe('/villages/1/');
    expect(withoutBase('/xczx/sub/', '/xczx/sub/')).toBe('/');
    expect(withoutBase('/xczx/sub', '/xczx/sub/')).toBe('/');
    expect(withoutBase('/editions/x/', '/')).toBe('/editions/x/');
    expect(withoutBase('/other/', '/xczx/')).toBe('/other/');
  });

  it('makes absolute addresses under the site root', () => {
    const root = siteRoot('https://www.example.gov.cn', '/xczx/sub/');
    expect(root.href).toBe('https://www.example.gov.cn/xczx/sub/');
    expect(absoluteUrl('/data/', root)).toBe('https://www.example.gov.cn/xczx/sub/data/');
    expect(absoluteUrl('/', root)).toBe('https://www.example.gov.cn/xczx/sub/');
    expect(absoluteUrl('/en/villages/1/', siteRoot('http://localhost:4321', '/'))).toBe('http://localhost:4321/en/villages/1/');
  });
});

describe('prefixBase: every link, source and action of a page under the base', () => {
  const page = [
    '<link rel="stylesheet" href="/xczx/_astro/a.css">',
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
    '<a class="skip-link" href="#main">skip</a>',
    '<a href="/villages/1/">村</a><a href="/en/">English</a><a href="https://example.org/">out</a>',
    '<img src="/data/charts/1/a.zh-CN.svg" alt=""><iframe src="/embed/1/a/"></iframe>',
    '<form action="/villages/" data-index="/search-index.json"><input name="q"></form>',
    '<script type="module" src="/xczx/_astro/s.js"></script>',
    '<pre>&lt;img src="/data/x.png"&gt; /villages/2/</pre>',
  ].join('\n');

  it('moves root-relative addresses under the base, leaving the rest and the text alone', () => {
    const moved = prefixBase(page, '/xczx/');
    expect(moved).toContain('href="/xczx/_astro/a.css"');
    expect(moved).toContain('href="/xczx/favicon.svg"');
    expect(moved).toContain('href="#main"');
    expect(moved).toContain('href="/xczx/villages/1/"');
    expect(moved).toContain('href="/xczx/en/"');
    expect(moved).toContain('href="https://example.org/"');
    expect(moved).toContain('src="/xczx/data/charts/1/a.zh-CN.svg"');
    expect(moved).toContain('<iframe src="/xczx/embed/1/a/">');
    expect(moved).toContain('action="/xczx/villages/" data-index="/xczx/search-index.json"');
    expect(moved).toContain('src="/xczx/_astro/s.js"');
    expect(moved).toContain('<pre>&lt;img src="/data/x.png"&gt; /villages/2/</pre>');
    expect(prefixBase(moved, '/xczx/')).toBe(moved);
  });

  it('changes nothing at the root', () => {
    expect(prefixBase(page, '/')).toBe(page);
  });

  it('follows an edition: its links first moved into the edition, then under the base', () => {
    const html = '<a href="/villages/1/">v</a><link rel="canonical" href="https://h.cn/xczx/villages/1/">';
    const rebased = rebaseLinks(html, { root: '/editions/e1', inEdition: (path) => path.startsWith('/villages/'), origin: 'https://h.cn/xczx' });
    expect(prefixBase(rebased, '/xczx/')).toBe(
      '<a href="/xczx/editions/e1/villages/1/">v</a><link rel="canonical" href="https://h.cn/xczx/editions/e1/villages/1/">',
    );
  });
});
