/**
 * The pages' weight budgets (README, "Performance"): the home page and a village's page, first visit
 * with an empty cache, gzipped as the static server sends them, in both languages. The same
 * measurement as `npm run bench:site` (scripts/lib/pageWeight.ts), on the fixture region's build: the
 * village bench:site weighs, and the village whose page is the heaviest in the build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { BUDGETS, weighPage } from '../../scripts/lib/pageWeight.ts';
import { inLocale, LOCALES, siteUnderTest, useBrowser } from './browser.ts';

const { siteUrl, places } = siteUnderTest();
const session = useBrowser();

/** The village whose Chinese page is the largest once gzipped. */
function heaviestVillage(): string {
  const dir = join(inject('siteDistDir'), 'villages');
  const weight = (code: string) => gzipSync(readFileSync(join(dir, code, 'index.html'))).length;
  return readdirSync(dir)
    .filter((name) => /^\d+$/.test(name))
    .map((code) => ({ code, bytes: weight(code) }))
    .sort((a, b) => b.bytes - a.bytes)[0]!.code;
}

describe.each(LOCALES)('page weight (%s)', (locale) => {
  it.each([
    ['home', '/', BUDGETS.home],
    ['village', `/villages/${places.village.village_code}/`, BUDGETS.village],
    ['heaviest village', `/villages/${heaviestVillage()}/`, BUDGETS.village],
  ])('the %s page is within its budget', async (name, path, budget) => {
    const weight = await weighPage(session.browser, siteUrl, name, inLocale(path, locale), budget);
    console.log(`${name} (${locale}): ${(weight.bytes / 1000).toFixed(1)} KB gzip in ${weight.requests} requests, budget ${budget / 1000} KB`);
    expect(weight.status).toBe(200);
    expect(weight.offSite).toEqual([]);
    expect(weight.bytes).toBeGreaterThan(0);
    expect(weight.bytes).toBeLessThanOrEqual(budget);
  });
});
