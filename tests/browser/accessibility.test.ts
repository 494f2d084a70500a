import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { AXE_PATH, choosePlaces, inLocale, keyPages, launchChromium, LOCALES, newContext, visit } from './browser.ts';

const siteUrl = inject('siteUrl');
const places = choosePlaces(inject('siteDataDir'));
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
  // axe is injected as an inline script, which the site's own CSP rightly refuses; the CSP itself is
  // tested in consoleAndCsp.test.ts.
  context = await newContext(browser, { bypassCSP: true });
});
afterAll(() => browser?.close());

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };
type AxeWindow = { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } };

const pages = LOCALES.flatMap((locale) =>
  keyPages(places).map(({ name, path }) => ({ name: `${name} (${locale})`, url: inLocale(path, locale) })),
);

describe('accessibility (axe-core)', () => {
  it.each(pages)('finds no violation on the $name page', async ({ url }) => {
    const page = await context.newPage();
    await visit(page, `${siteUrl}${url}`);
    if (url.endsWith('/map/')) await page.waitForSelector('.village-marker[data-code]');
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
