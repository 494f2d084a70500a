/**
 * What every browser test needs: Debian's Chromium, a page that records everything that went wrong
 * on it (console errors, uncaught exceptions, CSP violations, dialogs, requests), and the places to
 * visit, chosen from the same data the site was built from rather than typed in.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { loadDataDir, type DataDir } from '../../src/load/readDataDir.ts';
import type { Sourced, Village } from '../../src/read/tables.ts';
import { townOf } from '../../src/model/divisionCode.ts';
import { LOCALES, type Locale } from '../../src/i18n/locale.ts';
import { placePath } from '../../src/derive/placePath.ts';
import { listEditions } from '../../src/load/editions.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export { LOCALES };

/** `/villages/1/` → `/en/villages/1/` for English. */
export function inLocale(path: string, locale: Locale): string {
  return locale === 'en' ? `/en${path}` : path;
}

export type SitePlaces = {
  data: DataDir;
  regionCode: string;
  /** A village with a surveyed point (so its marker is not stacked on a town seat), or the first one. */
  village: Sourced<Village>;
  townCode: string;
  /** The first released edition, whose own pages are checked like the live ones; none before a release. */
  firstEdition: string | undefined;
};

export function choosePlaces(dataDir: string): SitePlaces {
  const data = loadDataDir(dataDir);
  if (!data.report.ok) throw new Error(`${dataDir} does not validate`);
  const village = data.records.villages.find((v) => v.location_precision === 'surveyed') ?? data.records.villages[0];
  const regionCode = data.records.edition[0]?.region_code;
  if (village === undefined || regionCode === undefined) throw new Error(`${dataDir} has no village or no edition`);
  const firstEdition = listEditions(join(dataDir, 'editions'))[0]?.id;
  return { data, regionCode, village, townCode: townOf(village.village_code), firstEdition };
}

/** The four kinds of page the issue names for console, CSP and accessibility checks, as zh-CN paths. */
export function keyPages(places: SitePlaces): { name: string; path: string }[] {
  return [
    { name: 'home', path: '/' },
    { name: 'map', path: '/map/' },
    { name: 'town', path: `/towns/${places.townCode}/` },
    { name: 'village', path: `/villages/${places.village.village_code}/` },
  ];
}

/** Each page in both languages, named "home (zh-CN)", "home (en)", with the address of its language. */
export function inBothLocales(pages: readonly { name: string; path: string }[]): { name: string; url: string }[] {
  return LOCALES.flatMap((locale) => pages.map(({ name, path }) => ({ name: `${name} (${locale})`, url: inLocale(path, locale) })));
}

/** Every other page the site contract names, for the same checks. */
export function otherPages(places: SitePlaces): { name: string; path: string }[] {
  return [
    { name: 'villages index', path: '/villages/' },
    { name: 'projects', path: '/projects/' },
    { name: 'funds', path: '/funds/' },
    { name: 'talent', path: '/talent/' },
    { name: 'pairings', path: '/pairings/' },
    { name: 'monthly', path: '/monthly/' },
    { name: 'data and methods', path: '/data/' },
    { name: 'editions', path: '/editions/' },
    { name: 'region', path: placePath(places.regionCode) },
    ...frozenPages(places),
  ];
}

/** Pages of the first released edition (its own copies of live pages), when one was released. */
export function frozenPages(places: SitePlaces): { name: string; path: string }[] {
  const root = `/editions/${places.firstEdition ?? ''}`;
  return places.firstEdition === undefined
    ? []
    : [
        { name: 'the first edition', path: `${root}/` },
        { name: 'village in the first edition', path: `${root}/villages/${places.village.village_code}/` },
      ];
}

/** A chart's embed page (the region's funds by source), live and in the first edition: no site frame, so checked apart. */
export function embedPages(places: SitePlaces): { name: string; path: string }[] {
  const path = `/embed/${places.regionCode}/funds-by-source/`;
  return [
    { name: 'chart embed', path },
    ...(places.firstEdition === undefined ? [] : [{ name: 'chart embed in the first edition', path: `/editions/${places.firstEdition}${path}` }]),
  ];
}

export type Watched = {
  page: Page;
  /** Console errors, uncaught exceptions and dialogs, in order. */
  errors: string[];
  dialogs: string[];
  requests: string[];
  /** CSP violations the page reported through `securitypolicyviolation`. */
  cspViolations: () => Promise<string[]>;
};

type CspWindow = { __cspViolations?: string[] };

/** A new page in the context that records what went wrong from its very first script on. */
export async function watchPage(context: BrowserContext): Promise<Watched> {
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  const requests: string[] = [];
  await page.addInitScript(() => {
    const record: string[] = [];
    (window as unknown as CspWindow).__cspViolations = record;
    document.addEventListener('securitypolicyviolation', (event) => {
      record.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => requests.push(request.url()));
  return {
    page,
    errors,
    dialogs,
    requests,
    cspViolations: () => page.evaluate(() => [...((window as unknown as CspWindow).__cspViolations ?? [])]),
  };
}

/** Goes to the page and waits until nothing is loading, so late scripts and their errors are counted too. */
export async function visit(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response === null || !response.ok()) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
  await page.waitForLoadState('networkidle');
}

/** visit, and on the map page also wait for the markers the map script draws after the page has loaded. */
export async function visitDrawn(page: Page, url: string): Promise<void> {
  await visit(page, url);
  if (new URL(url).pathname.endsWith('/map/')) await page.waitForSelector('.village-marker[data-code]');
}

export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, ...options });
}

/** The site built from the fixture region, and the places to visit in it, as the global setup provides them. */
export function siteUnderTest(): { siteUrl: string; places: SitePlaces } {
  return { siteUrl: inject('siteUrl'), places: choosePlaces(inject('siteDataDir')) };
}

export type BrowserSession = { readonly browser: Browser; readonly context: BrowserContext; readonly page: Page; readonly watched: Watched };

/**
 * One Chromium per test file, launched before its tests and closed after them: a context made with
 * `options` and one page in it, which records what goes wrong on it (watchPage).
 */
export function useBrowser(options: BrowserContextOptions = {}): BrowserSession {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let watched: Watched | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    context = await newContext(browser, options);
    watched = await watchPage(context);
  });
  afterAll(() => browser?.close());
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The browser is used before beforeAll has launched it');
    return value;
  };
  return {
    get browser() {
      return ready(browser);
    },
    get context() {
      return ready(context);
    },
    get page() {
      return ready(watched).page;
    },
    get watched() {
      return ready(watched);
    },
  };
}

export const AXE_PATH = join(import.meta.dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');
