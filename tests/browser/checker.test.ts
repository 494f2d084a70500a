/**
 * 检查我的表格 · Check my spreadsheet (/check/, /en/check/): every broken fixture, laid over the small
 * valid dataset as tests/unit/validate.test.ts lays it, is dropped on the page and checked there; the
 * same files are written to a folder and checked by `npm run validate -- --json`. The page must list
 * exactly the command line's findings (rule, severity, place, message), in both languages, with no
 * request made while checking, no console error and no CSP violation; and axe finds nothing on it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AXE_PATH, inLocale, newContext, siteUnderTest, useBrowser, visit } from './browser.ts';
import { validateCommand } from '../../scripts/lib/validateCommand.ts';
import { removedFiles } from '../../scripts/lib/brokenFixtures.ts';
import { findingOf, type Finding } from '../../src/read/formatReport.ts';
import type { Problem } from '../../src/read/problem.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { makeXlsx } from '../support/makeXlsx.ts';

const { siteUrl } = siteUnderTest();
const session = useBrowser();

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const OUTLINE = '150627-boundary.wgs84.geojson';

type Dropped = { name: string; bytes: Uint8Array };

/** The small dataset with a broken fixture's files laid over it, as the unit tests lay them, and the region's outline. */
function filesOf(rule: string): Dropped[] {
  const files = new Map<string, Uint8Array>(
    readdirSync(join(FIXTURES, 'small')).map((name) => [name, new Uint8Array(readFileSync(join(FIXTURES, 'small', name)))]),
  );
  // Every file of the fixture, as staff would drop them all (a spreadsheet beside its CSV file among them),
  // less the files it takes away (its remove.txt, which is no file of theirs).
  const dir = join(FIXTURES, 'broken', rule);
  for (const name of removedFiles(dir)) files.delete(name);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name !== 'remove.txt') files.set(entry.name, new Uint8Array(readFileSync(join(dir, entry.name))));
  }
  files.set(OUTLINE, new Uint8Array(readFileSync(join(FIXTURES, 'region', 'geo', OUTLINE))));
  return [...files].map(([name, bytes]) => ({ name, bytes }));
}

/** The same files as a data folder, checked by `npm run validate -- --json`. */
async function commandLineProblems(files: readonly Dropped[]): Promise<Problem[]> {
  const dir = mkdtempSync(join(tmpdir(), 'checker-'));
  try {
    mkdirSync(join(dir, 'geo'));
    for (const { name, bytes } of files) writeFileSync(name === OUTLINE ? join(dir, 'geo', name) : join(dir, name), bytes);
    let out = '';
    await validateCommand(['--dir', dir, '--json'], { out: (text) => (out += text), err: () => undefined });
    return (JSON.parse(out) as { problems: Problem[] }).problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Findings compared as a sorted list: the page groups them as the terminal does. */
const sorted = (findings: readonly Pick<Finding, 'rule' | 'severity' | 'where' | 'message'>[]): string[] =>
  findings.map(({ rule, severity, where, message }) => JSON.stringify([severity, rule, where, message])).sort();

/** Drops the files on the page's file input and reads every finding it shows. */
async function checkOnPage(page: Page, files: readonly Dropped[]): Promise<{ findings: string[]; passed: boolean }> {
  const before = Number((await page.getAttribute('[data-checker]', 'data-runs')) ?? '0');
  await page.setInputFiles(
    '#check-files',
    files.map(({ name, bytes }) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) })),
  );
  await page.waitForSelector(`[data-checker][data-runs="${before + 1}"]`);
  const shown = await page.$$eval('.check-result .finding', (items) =>
    items.map((item) => ({
      rule: (item as HTMLElement).dataset.rule as Finding['rule'],
      severity: (item as HTMLElement).dataset.severity as Finding['severity'],
      where: item.querySelector('.finding-where')?.textContent ?? '',
      message: item.querySelector('.finding-message')?.textContent ?? '',
    })),
  );
  const passed = (await page.$('.check-result .check-passed')) !== null;
  return { findings: sorted(shown), passed };
}

/** Every broken fixture but the one that is a folder where a file should be: a page is given files, never folders. */
const RULES = readdirSync(join(FIXTURES, 'broken')).filter((rule) => rule !== 'file-system');

describe.each<Locale>(['zh-CN', 'en'])('the checker page (%s)', (locale) => {
  let page: Page;
  beforeAll(async () => {
    page = session.page;
    await visit(page, `${siteUrl}${inLocale('/check/', locale)}`);
  });

  it.each(RULES)('finds in the %s fixture exactly what npm run validate finds', async (rule) => {
    const files = filesOf(rule);
    const problems = await commandLineProblems(files);
    const requests = session.watched.requests.length;
    const { findings, passed } = await checkOnPage(page, files);
    expect(findings).toEqual(sorted(problems.map((problem) => findingOf(problem, locale))));
    expect(findings.length).toBeGreaterThan(0);
    expect(passed).toBe(!problems.some((p) => p.severity === 'error'));
    // Nothing is uploaded, nor fetched: the check needs nothing but the page (the browser may ask for
    // the page's icon late, on its own).
    expect(session.watched.requests.slice(requests).filter((url) => !url.endsWith('/favicon.svg'))).toEqual([]);
  });

  it('checks a workbook as the command line does, locating problems on its sheet', async () => {
    const files = filesOf('type').filter(({ name }) => name !== 'funds.csv');
    const rows = new TextDecoder()
      .decode(readFileSync(join(FIXTURES, 'broken', 'type', 'funds.csv')))
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    files.push({ name: 'funds.xlsx', bytes: makeXlsx({ sheets: [{ name: '资金', rows }] }) });
    const problems = await commandLineProblems(files);
    const { findings } = await checkOnPage(page, files);
    expect(findings).toEqual(sorted(problems.map((problem) => findingOf(problem, locale))));
    const where = locale === 'en' ? 'funds.xlsx sheet 资金 !G4' : 'funds.xlsx 工作表 资金 !G4';
    expect(findings.some((finding) => finding.includes(where))).toBe(true);
  });

  it('shows the text report of npm run validate beside the findings, and passes valid data', async () => {
    const files = readdirSync(join(FIXTURES, 'small')).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(FIXTURES, 'small', name))) }));
    const { findings, passed } = await checkOnPage(page, files);
    expect(passed).toBe(true);
    // Without the outline, the locations are not checked, and the page says so as the command line does.
    expect(findings).toEqual(sorted((await commandLineProblems(files)).map((problem) => findingOf(problem, locale))));
    const plain = await page.textContent('.check-plain pre');
    expect(plain).toContain('数据校验报告 · Data validation report');
    expect(plain).toContain('结果：通过，可以发布。 Result: passed, ready to publish.');
  });

  it('leaves no console error and no CSP violation', async () => {
    expect(session.watched.errors).toEqual([]);
    expect(await session.watched.cspViolations()).toEqual([]);
  });
});

describe('the validator in the page', () => {
  it('loads on the checker page only, from the site itself', async () => {
    const page = await session.context.newPage();
    const requested = async (path: string): Promise<Set<string>> => {
      const urls = new Set<string>();
      const record = (request: { url: () => string }) => urls.add(request.url());
      page.on('request', record);
      await visit(page, `${siteUrl}${path}`);
      page.off('request', record);
      return urls;
    };
    const home = await requested('/');
    const check = await requested('/check/');
    const own = [...check].filter((url) => !home.has(url) && url.endsWith('.js'));
    expect(own.length).toBeGreaterThan(0);
    expect([...check].filter((url) => !url.startsWith(siteUrl))).toEqual([]);
    // The scripts only the checker loads hold the validator (its names of spreadsheet mistakes are in them), and no script of the home page does.
    const texts = await Promise.all(own.map(async (url) => (await page.request.get(url)).text()));
    expect(texts.join('').includes('excel-scientific-code')).toBe(true);
    const homeScripts = await Promise.all([...home].filter((url) => url.endsWith('.js')).map(async (url) => (await page.request.get(url)).text()));
    expect(homeScripts.join('').includes('excel-scientific-code')).toBe(false);
    await page.close();
  });
});

describe('the checker page and its report, to axe-core', () => {
  // axe is injected as an inline script, which the site's CSP rightly refuses (see accessibility.test.ts).
  let context: Awaited<ReturnType<typeof newContext>>;
  beforeAll(async () => {
    context = await newContext(session.browser, { bypassCSP: true });
  });
  afterAll(() => context.close());

  it.each<Locale>(['zh-CN', 'en'])('finds no violation with a report of problems shown (%s)', async (locale) => {
    const page = await context.newPage();
    await visit(page, `${siteUrl}${inLocale('/check/', locale)}`);
    await checkOnPage(page, filesOf('type'));
    // The groups' full lists are open too, so that axe sees every finding.
    await page.$$eval('.check-result details', (all) => all.forEach((details) => ((details as HTMLDetailsElement).open = true)));
    await page.addScriptTag({ path: AXE_PATH });
    const violations = await page.evaluate(async () => {
      type Axe = { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> };
      const { violations } = await (window as unknown as { axe: Axe }).axe.run(document, { resultTypes: ['violations'] });
      return violations.map((v) => `${v.id}: ${v.nodes.map((node) => JSON.stringify(node.target)).join(' ')}`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});
