import { describe, expect, it } from 'vitest';
import { parseHundredthsText } from '../../src/format/money.ts';
import type { Reconciliation } from '../../src/read/reconcile.ts';
import { inLocale, LOCALES, siteUnderTest, useBrowser, visit } from './browser.ts';

const { siteUrl, places } = siteUnderTest();
const session = useBrowser();

/**
 * What the home page should show for a reported key: the figure computed from the rows (or, for a
 * figure the tool cannot compute, the reported one). Figures of the whole region win over the same
 * key reported for a single place.
 */
function expectedFor(reconciliation: Reconciliation[], regionCode: string, key: string): bigint[] {
  const withKey = reconciliation.filter((r) => r.key === key);
  const regional = withKey.filter((r) => r.scopeCode === regionCode);
  return (regional.length > 0 ? regional : withKey).map((r) => r.computed ?? r.reported);
}

async function readFigures(): Promise<{ key: string; value: string; text: string }[]> {
  return session.page.$$eval('data[data-figure]', (elements) =>
    elements.map((element) => ({
      key: element.getAttribute('data-figure') ?? '',
      value: element.getAttribute('value') ?? '',
      text: (element.textContent ?? '').trim(),
    })),
  );
}

describe.each(LOCALES)('home page headline figures (%s)', (locale) => {
  it('show every figure equal to the value the pipeline computes for its reported key', async () => {
    await visit(session.page, `${siteUrl}${inLocale('/', locale)}`);
    const figures = await readFigures();
    expect(figures.length, 'data[data-figure] elements on home').toBeGreaterThan(0);
    const { reconciliation } = places.data.report;
    for (const figure of figures) {
      const expected = expectedFor(reconciliation, places.regionCode, figure.key);
      expect(expected, `data-figure="${figure.key}" is a key of reported.csv`).not.toEqual([]);
      expect(figure.text, `data-figure="${figure.key}" has visible text`).not.toBe('');
      expect(expected, `data-figure="${figure.key}" value="${figure.value}"`).toContain(parseHundredthsText(figure.value.trim()));
    }
  });

  it('show every region-wide reported figure that the data can compute', async () => {
    await visit(session.page, `${siteUrl}${inLocale('/', locale)}`);
    const shown = new Set((await readFigures()).map((f) => f.key));
    const headline = places.data.report.reconciliation.filter((r) => r.scopeCode === places.regionCode && r.computed !== undefined).map((r) => r.key);
    expect(headline.length).toBeGreaterThan(0);
    expect(
      headline.filter((key) => !shown.has(key)),
      'computed region-wide keys missing from home',
    ).toEqual([]);
  });
});
