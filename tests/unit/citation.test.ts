import { describe, expect, it } from 'vitest';
import { accessedText, CITATION_STYLES, citeApa, citeBibtex, citeDatasetApa, citeDatasetGbt, citeGbt7714, type Citation } from '../../src/format/citation.ts';
import { accessedTextOn } from '../../src/format/accessedText.ts';

const citation: Citation = {
  author: { zh: '伊金霍洛旗乡村振兴进展', en: 'Rural revitalization in Ejin Horo Banner' },
  title: { zh: '伊金霍洛旗：资金总额', en: 'Ejin Horo Banner: total funds' },
  edition: '2021-11-30-d69b0e0b',
  asOf: '2021-11-30',
  released: '2021-12-06',
  url: 'https://example.org/editions/2021-11-30-d69b0e0b/counties/150627/#funds',
  accessed: '2026-12-06',
};

describe('citations', () => {
  it('in GB/T 7714-2015 name author, title with edition, [EB/OL], release and access dates, and the frozen URL', () => {
    expect(citeGbt7714(citation)).toBe(
      '伊金霍洛旗乡村振兴进展. 伊金霍洛旗：资金总额（2021-11-30-d69b0e0b 版，数据截止 2021-11-30）[EB/OL]. (2021-12-06)[2026-12-06]. https://example.org/editions/2021-11-30-d69b0e0b/counties/150627/#funds.',
    );
  });

  it('in APA name author, date, title with edition, [Data set], the access date and the URL', () => {
    expect(citeApa(citation)).toBe(
      'Rural revitalization in Ejin Horo Banner. (2021, December 6). Ejin Horo Banner: total funds (Edition 2021-11-30-d69b0e0b, data as of November 30, 2021) [Data set]. Retrieved December 6, 2026, from https://example.org/editions/2021-11-30-d69b0e0b/counties/150627/#funds',
    );
  });

  it('in BibTeX are one @misc entry with a stable key, TeX characters escaped', () => {
    const entry = citeBibtex({ ...citation, title: { zh: '资金 {测试}', en: 'Funds 100% & more_' } }, '2021-11-30-d69b0e0b/150627#funds');
    expect(entry.split('\n')[0]).toBe('@misc{2021-11-30-d69b0e0b-150627-funds,');
    expect(entry).toContain('title = {Funds 100\\% \\& more\\_ / 资金 \\{测试\\}}');
    expect(entry).toContain('url = {https://example.org/editions/2021-11-30-d69b0e0b/counties/150627/#funds}');
    expect(entry).toContain('urldate = {2026-12-06}');
    expect(entry.trim().endsWith('}')).toBe(true);
  });

  it('each hold their access date exactly once, as accessedText writes it, so the browser can put in the reader’s day', () => {
    for (const [style, text] of [
      ['gbt7714', citeGbt7714(citation)],
      ['apa', citeApa(citation)],
      ['bibtex', citeBibtex(citation, 'k')],
    ] as const) {
      expect(text.split(accessedText(style, citation.accessed)).length, style).toBe(2);
    }
  });

  it('write the access date the browser works out from the reader’s day as the page does (accessedTextOn)', () => {
    for (const style of CITATION_STYLES) {
      expect(accessedTextOn(style, { year: 2026, month: 12, day: 6 }), style).toBe(accessedText(style, '2026-12-06'));
      expect(accessedTextOn(style, { year: 2021, month: 1, day: 9 }), style).toBe(accessedText(style, '2021-01-09'));
    }
    expect(accessedTextOn('apa', { year: 2021, month: 1, day: 9 })).toBe('Retrieved January 9, 2021, from');
    expect(accessedTextOn('gbt7714', { year: 2021, month: 1, day: 9 })).toBe('[2021-01-09]');
  });
});

describe('a whole edition’s citation (its zip’s README)', () => {
  const dataset = {
    title: { zh: '伊金霍洛旗乡村振兴进展数据', en: 'Rural revitalization data, Ejin Horo Banner' },
    edition: '2021-11-30-d69b0e0b',
    released: '2021-12-06',
    url: 'https://example.org/editions/2021-11-30-d69b0e0b/',
  };
  it('in GB/T 7714 has no author, leaves the access date to the reader and names the edition', () => {
    expect(citeDatasetGbt(dataset)).toBe(
      '伊金霍洛旗乡村振兴进展数据：数据版本 2021-11-30-d69b0e0b[EB/OL]. (2021-12-06)[引用日期]. https://example.org/editions/2021-11-30-d69b0e0b/.',
    );
  });
  it('in APA puts the title first, then version, [Data set], year and URL', () => {
    expect(citeDatasetApa(dataset)).toBe(
      'Rural revitalization data, Ejin Horo Banner (Version 2021-11-30-d69b0e0b) [Data set]. (2021). https://example.org/editions/2021-11-30-d69b0e0b/',
    );
  });
});
