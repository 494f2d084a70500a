import { describe, expect, it } from 'vitest';
import { rebaseLinks } from '../../src/publish/rebaseLinks.ts';
import { codeOfPath } from '../../src/derive/placePath.ts';
import { editionOfPath, editionRoot, frozenPagePaths, hasEditionTwin, TOPIC_PATHS } from '../../src/derive/views/frozenPages.ts';

const options = { root: editionRoot('2021-10-14-abc'), inEdition: hasEditionTwin, origin: 'https://example.org' };

describe('rebaseLinks', () => {
  it.each([
    ['<a href="/">', '<a href="/editions/2021-10-14-abc/">'],
    ['<a href="/en/">', '<a href="/en/editions/2021-10-14-abc/">'],
    ['<a class="x" href="/villages/150627101225/">', '<a class="x" href="/editions/2021-10-14-abc/villages/150627101225/">'],
    ['<a href="/en/towns/150627101/#funds">', '<a href="/en/editions/2021-10-14-abc/towns/150627101/#funds">'],
    ['<a href="/data/funds.csv" download>', '<a href="/editions/2021-10-14-abc/data/funds.csv" download>'],
    ['<a href="/data/charts/150627/funds-by-source.csv">', '<a href="/editions/2021-10-14-abc/data/charts/150627/funds-by-source.csv">'],
    ['<form action="/villages/" role="search">', '<form action="/editions/2021-10-14-abc/villages/" role="search">'],
    ['<link rel="canonical" href="https://example.org/en/map/">', '<link rel="canonical" href="https://example.org/en/editions/2021-10-14-abc/map/">'],
  ])('moves a link to a page or file the edition has into the edition: %s', (before, after) => {
    expect(rebaseLinks(before, options)).toBe(after);
  });

  it.each([
    '<a href="/editions/">',
    '<a href="/editions/2021-10-14-abc/changes/">',
    '<link rel="stylesheet" href="/_astro/index.css">',
    '<link rel="icon" href="/favicon.svg">',
    '<a href="#main">',
    '<a href="https://creativecommons.org/licenses/by/4.0/">',
    '<a href="//cdn.example/villages/">',
    '<a href="https://example.org.evil/villages/">',
    '<a href="/villages/150627101225/" data-live>',
    '<a data-live href="/en/">',
  ])('leaves alone a link outside the edition or marked data-live: %s', (tag) => {
    expect(rebaseLinks(tag, options)).toBe(tag);
  });

  it('touches only links in tags, never text or other attributes', () => {
    const html = '<p>see /villages/ and href="/funds/"</p><div data-index="/search-index.json"></div><img src="/map/x.png">';
    expect(rebaseLinks(html, options)).toBe(html);
  });
});

describe('the pages of an edition', () => {
  const places = [{ code: '150627' }, { code: '150627101' }, { code: '150627101225' }];

  it('are the topic pages and every place, each with a twin on the live site', () => {
    const paths = frozenPagePaths({ places } as never);
    expect(paths).toEqual([...TOPIC_PATHS, '/counties/150627/', '/towns/150627101/', '/villages/150627101225/']);
    for (const path of paths) expect(hasEditionTwin(path), path).toBe(true);
    expect(paths.map(codeOfPath).filter(Boolean)).toEqual(places.map((p) => p.code));
  });

  it('exclude the list of editions, the search index and unknown paths', () => {
    for (const path of ['/editions/', '/search-index.json', '/about/', '/villages/abc/']) expect(hasEditionTwin(path), path).toBe(false);
  });

  it('are recognised by their served path, in either language', () => {
    expect(editionOfPath('/editions/2021-10-14-abc/villages/1/')).toBe('2021-10-14-abc');
    expect(editionOfPath('/en/editions/2021-10-14-abc/')).toBe('2021-10-14-abc');
    expect(editionOfPath('/editions/')).toBeUndefined();
    expect(editionOfPath('/editions/feed.xml')).toBeUndefined();
    expect(editionOfPath('/villages/1/')).toBeUndefined();
  });
});
