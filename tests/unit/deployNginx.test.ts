/**
 * npm run deploy:nginx: the server block carries, in every location, the very policy the built pages
 * carry in their <meta> tag; hashed files and released editions' files are cached for good, pages
 * are revalidated; the site's own 404 pages; and a sub-path, from the built pages or the option.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentSecurityPolicy } from '../../src/config/contentSecurityPolicy.ts';
import { resolveTileConfig } from '../../src/config/tileConfig.ts';
import { nginxServerBlock, normalBase, pageBase, pageCsp } from '../../src/publish/nginxConfig.ts';
import { deployNginxCommand } from '../../scripts/lib/deployNginxCommand.ts';

const ROOT = join(import.meta.dirname, '..', '..');
// A policy that allows tiles too, so it is not the shortest one.
const CSP = contentSecurityPolicy(resolveTileConfig({ MAP_TILES: 'tianditu', TIANDITU_KEY: 'test-key' }).cspImgSrc);

/** Each location's path and the text inside its braces. */
function locations(block: string): { path: string; body: string }[] {
  return [...block.matchAll(/^ {4}location (.+) \{\n([\s\S]*?)^ {4}\}/gm)].map((match) => ({ path: match[1]!, body: match[2]! }));
}

const policiesIn = (text: string): string[] => [...text.matchAll(/add_header Content-Security-Policy "([^"]*)" always;/g)].map((m) => m[1]!);

describe('the nginx server block', () => {
  const block = nginxServerBlock({ csp: CSP, base: '/', root: '/var/www/site/', serverName: 'xczx.example.gov.cn' });

  it('repeats the pages’ policy, word for word, in every location (nginx drops a server’s headers where a location has its own)', () => {
    expect(CSP).toContain('tianditu');
    const found = locations(block);
    expect(found.length).toBe(4);
    for (const { path, body } of found) expect(policiesIn(body), path).toEqual([CSP]);
    expect(policiesIn(block).length).toBe(found.length);
  });

  it('caches hashed scripts and a released edition’s files for good, and revalidates pages and the live data', () => {
    const cache = Object.fromEntries(locations(block).map(({ path, body }) => [path, /Cache-Control "([^"]*)"/.exec(body)?.[1]]));
    expect(cache).toEqual({
      '/': 'no-cache',
      '/en/': 'no-cache',
      '^~ /_astro/': 'public, max-age=31536000, immutable',
      '~ "^/editions/[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9a-f]+/.+\\.(csv|json|zip|png|svg|geojson)$"': 'public, max-age=31536000, immutable',
    });
  });

  it('serves the site’s 404 pages, gzip, and the root it was given', () => {
    expect(block).toContain('error_page 404 /404.html;');
    expect(block).toContain('error_page 404 /en/404/index.html;');
    expect(block).toMatch(/^ {4}gzip on;$/m);
    expect(block).toContain('root /var/www/site;');
    expect(block).toContain('server_name xczx.example.gov.cn;');
  });

  it('puts every location and 404 page under a sub-path', () => {
    const under = nginxServerBlock({ csp: CSP, base: 'xczx', root: '/var/www', serverName: '_' });
    expect(locations(under).map((l) => l.path)).toEqual([
      '/xczx/',
      '/xczx/en/',
      '^~ /xczx/_astro/',
      '~ "^/xczx/editions/[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9a-f]+/.+\\.(csv|json|zip|png|svg|geojson)$"',
    ]);
    expect(under).toContain('error_page 404 /xczx/404.html;');
    expect(under).toContain('error_page 404 /xczx/en/404/index.html;');
  });

  it('refuses a policy that would end nginx’s string early', () => {
    expect(() => nginxServerBlock({ csp: 'default-src "self"', base: '/', root: '/srv', serverName: '_' })).toThrow(/cannot be written/);
  });

  it('normalises a base as Astro writes it', () => {
    expect(['', '/', 'xczx', '/xczx', 'xczx/', '/a/b/'].map(normalBase)).toEqual(['/', '/', '/xczx/', '/xczx/', '/xczx/', '/a/b/']);
  });
});

describe('npm run deploy:nginx on a built site', () => {
  /** A built home page as the layout writes its head. */
  const page = (base: string) =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" /><meta http-equiv="Content-Security-Policy" content="${CSP}"><link rel="stylesheet" href="${base}_astro/index.DjnSsmnw.css"></head><body></body></html>`;

  async function run(html: string | undefined, argv: string[] = []): Promise<{ code: number; out: string; err: string }> {
    const dist = mkdtempSync(join(tmpdir(), 'deploy-nginx-'));
    try {
      if (html !== undefined) writeFileSync(join(dist, 'index.html'), html);
      let out = '';
      let err = '';
      const code = await deployNginxCommand(argv, { out: (text) => (out += text), err: (text) => (err += text) }, dist);
      return { code, out, err };
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  }

  it('prints, in every location, exactly the policy of the pages’ meta tag', async () => {
    const html = page('/');
    const { code, out } = await run(html);
    expect(code).toBe(0);
    expect(pageCsp(html)).toBe(CSP);
    expect(new Set(policiesIn(out))).toEqual(new Set([pageCsp(html)]));
  });

  it('takes the sub-path the site was built for from its pages, unless told', async () => {
    expect(pageBase(page('/xczx/'))).toBe('/xczx/');
    expect(pageBase(page('https://www.example.gov.cn/a/b/'))).toBe('/a/b/');
    expect((await run(page('/xczx/'))).out).toContain('location ^~ /xczx/_astro/ {');
    expect((await run(page('/xczx/'), ['--base', '/other/'])).out).toContain('location ^~ /other/_astro/ {');
  });

  it('says to build first when there is no built site, exiting 1', async () => {
    const { code, out, err } = await run(undefined);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('npm run build');
  });

  it('reads the meta tag the layouts write (same attribute order), as the preview server does', () => {
    for (const file of ['src/layouts/Page.astro', 'src/views/EmbedView.astro']) {
      expect(readFileSync(join(ROOT, file), 'utf8'), file).toMatch(/<meta http-equiv="Content-Security-Policy" content=\{[a-z.]+\.csp\} \/>/);
    }
  });
});

describe('the 404 pages the block sends unknown addresses to', () => {
  it('are pages of the site, in each language (Astro writes 404.html and en/404/index.html)', () => {
    for (const file of ['src/pages/404.astro', 'src/pages/en/404.astro']) expect(existsSync(join(ROOT, file)), file).toBe(true);
  });
});
