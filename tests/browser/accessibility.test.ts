import { describe, expect, it } from 'vitest';
import { AXE_PATH, embedPages, frozenPages, inBothLocales, keyPages, siteUnderTest, useBrowser, visitDrawn } from './browser.ts';

const { siteUrl, places } = siteUnderTest();
// axe is injected as an inline script, which the site's own CSP rightly refuses; the CSP itself is
// tested in consoleAndCsp.test.ts.
const session = useBrowser({ bypassCSP: true });

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };
type AxeWindow = { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } };

const pages = inBothLocales([...keyPages(places), ...frozenPages(places), ...embedPages(places)]);

describe('accessibility (axe-core)', () => {
  it.each(pages)('finds no violation on the $name page', async ({ url }) => {
    const page = await session.context.newPage();
    await visitDrawn(page, `${siteUrl}${url}`);
    await page.addScriptTag({ path: AXE_PATH });
    const violations = await page.evaluate(async () => {
      const { violations } = await (window as unknown as AxeWindow).axe.run(document, { resultTypes: ['violations'] });
      return violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`),
        count: v.nodes.length,
      }));
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});
