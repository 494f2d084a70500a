/**
 * The index at the root of a sharded site (`npm run build -- --only <code>`, docs/scale.md): one small
 * page in each language listing the shards (the provinces of the country, the cities of a province…),
 * each linking to its own site under `/<code>/`. Static HTML with no script and no style, under the
 * site's Content-Security-Policy; every job of a matrix writes the same bytes, so copying the shards
 * into one folder merges their indexes too.
 */
import { contentSecurityPolicy } from '../config/contentSecurityPolicy.ts';
import type { Bilingual, Locale } from '../i18n/locale.ts';
import type { ShardEntry } from '../derive/shard.ts';
import { shardBase } from '../derive/shard.ts';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export type ShardIndexInput = {
  /** The whole site's base path (`/`, `/xczx/`): the index lives there, each shard under `<base><code>/`. */
  base: string;
  /** What the shards are parts of: 全国 · China, or the province or city above them. */
  parent: Bilingual;
  shards: readonly ShardEntry[];
  languages: readonly Locale[];
};

/** A page of the index: its path under the output folder (`index.html`, `en/index.html`) and its HTML. */
export type IndexPage = { path: string; html: string };

function page(input: ShardIndexInput, locale: Locale): IndexPage {
  const english = locale === 'en';
  const bilingual = input.languages.includes('en');
  const home = (code: string) => `${shardBase(input.base, code)}${english ? 'en/' : ''}`;
  const title = english ? `Rural revitalization progress: ${input.parent.en}` : `乡村振兴进展：${input.parent.zh}`;
  const lead = english
    ? `Each place below is published as a site of its own, in Chinese and English. ${input.shards.length} places.`
    : `以下每个地区各有一个网站（中文和英文）。共 ${input.shards.length} 个地区。`;
  const items = input.shards.map(
    ({ code, name }) =>
      `<li><a href="${escapeHtml(home(code))}" hreflang="${english ? 'en' : 'zh-CN'}">${escapeHtml(english ? name.en : name.zh)}</a> <span lang="${
        english ? 'zh-CN' : 'en'
      }">${escapeHtml(english ? name.zh : name.en)}</span> (${code})</li>`,
  );
  const other = english
    ? `<a href="${escapeHtml(input.base)}" hreflang="zh-CN" lang="zh-CN">简体中文</a>`
    : `<a href="${escapeHtml(input.base)}en/" hreflang="en" lang="en">English</a>`;
  const html = [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`,
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(title)}</h1>`,
    ...(bilingual ? [`<p>${other}</p>`] : []),
    `<p>${escapeHtml(lead)}</p>`,
    '<ul>',
    ...items,
    '</ul>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { path: english ? 'en/index.html' : 'index.html', html };
}

/** The index in each language the site publishes: Chinese at the base, English under `en/`. */
export function shardIndexPages(input: ShardIndexInput): IndexPage[] {
  return input.languages.map((locale) => page(input, locale));
}
