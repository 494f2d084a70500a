import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

/**
 * The folder boundaries in eslint.config.js report what they should, and only where they should: the
 * same code is an error in a pure folder and fine in scripts/. Type-checked rules are switched off here
 * (the snippets are not files of the TypeScript program, and the boundaries need no types).
 */
const ROOT = join(import.meta.dirname, '..', '..');
const PURE_FOLDERS = ['read', 'model', 'derive', 'format', 'publish', 'config', 'charts', 'i18n'];

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: join(ROOT, 'eslint.config.js'),
    overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }],
  });
  // Loading the config and its plugins takes seconds on a busy machine: here, not in the first test's time.
  await eslint.calculateConfigForFile(join(ROOT, 'src/read/x.ts'));
}, 60_000);

/** The boundary rules that fire on `code` as the module `filePath`; a parse error fails the test. */
async function boundariesHit(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  const messages = result?.messages ?? [];
  expect(messages.filter((message) => message.fatal === true)).toEqual([]);
  return messages.map((message) => message.ruleId ?? '').filter((rule) => rule.startsWith('no-restricted-'));
}

const READ_FILE = "import { readFileSync } from 'node:fs';\nexport const read = (path: string): string => readFileSync(path, 'utf8');\n";
const CLIENT = "import { search } from '../client/search.ts';\nexport const found = search;\n";
const DOCUMENT = 'export const pageTitle = (): string => document.title;\n';
const ASTRO_CONTENT = "import 'astro:content';\n";

describe('ESLint folder boundaries', () => {
  it.each(PURE_FOLDERS)('src/%s/ may not read files (node:fs)', async (folder) => {
    expect(await boundariesHit(READ_FILE, `src/${folder}/x.ts`)).toEqual(['no-restricted-imports']);
  });

  it.each(PURE_FOLDERS)('src/%s/ may not import browser code (src/client/)', async (folder) => {
    expect(await boundariesHit(CLIENT, `src/${folder}/x.ts`)).toEqual(['no-restricted-imports']);
  });

  it.each(PURE_FOLDERS)('src/%s/ may not use the DOM', async (folder) => {
    expect(await boundariesHit(DOCUMENT, `src/${folder}/x.ts`)).toEqual(['no-restricted-globals']);
  });

  it.each(PURE_FOLDERS)('src/%s/ may not import astro:* modules', async (folder) => {
    expect(await boundariesHit(ASTRO_CONTENT, `src/${folder}/x.ts`)).toEqual(['no-restricted-imports']);
  });

  it('pure folders may not read the clock, the environment or chance', async () => {
    const code = 'export const now = [Date.now(), new Date(), Date(), performance.now(), Math.random(), process.env.TZ];\n';
    const hits = await boundariesHit(code, 'src/charts/x.ts');
    expect(hits.filter((rule) => rule === 'no-restricted-syntax')).toHaveLength(4);
    expect(hits.filter((rule) => rule === 'no-restricted-globals')).toHaveLength(2);
  });

  it('pure folders may use a given date, astro/zod and the shared i18n types', async () => {
    const code = [
      "import { z } from 'astro/zod';",
      "import type { Locale } from '../i18n/locale.ts';",
      "import { fill } from '../i18n/fill.ts';",
      'export const parse = (text: string, locale: Locale): unknown => [new Date(text), z.string().parse(text), fill(text, {}), locale];',
      '',
    ].join('\n');
    expect(await boundariesHit(code, 'src/read/x.ts')).toEqual([]);
  });

  it('an earlier step may not import a later one, nor the site dictionaries', async () => {
    expect(await boundariesHit("import { aggregate } from '../derive/aggregate.ts';\nexport { aggregate };\n", 'src/read/x.ts')).toEqual([
      'no-restricted-imports',
    ]);
    expect(await boundariesHit("import { t } from '../i18n/index.ts';\nexport { t };\n", 'src/model/x.ts')).toEqual(['no-restricted-imports']);
    expect(await boundariesHit("import { aggregate } from '../derive/aggregate.ts';\nexport { aggregate };\n", 'src/publish/x.ts')).toEqual([]);
  });

  it('src/client/ may use the DOM but not Node, astro:* or the loader', async () => {
    expect(await boundariesHit(DOCUMENT, 'src/client/x.ts')).toEqual([]);
    expect(await boundariesHit(READ_FILE, 'src/client/x.ts')).toEqual(['no-restricted-imports']);
    expect(await boundariesHit(ASTRO_CONTENT, 'src/client/x.ts')).toEqual(['no-restricted-imports']);
    expect(await boundariesHit("import { getSite } from '../load/site.ts';\nexport { getSite };\n", 'src/client/x.ts')).toEqual(['no-restricted-imports']);
  });

  it('only src/load reads files in src/: the site folders may not', async () => {
    expect(await boundariesHit(READ_FILE, 'src/load/x.ts')).toEqual([]);
    expect(await boundariesHit(READ_FILE, 'src/pages/x.ts')).toEqual(['no-restricted-imports']);
  });

  it('scripts/ may import and use anything', async () => {
    const client = "import { search } from '../src/client/search.ts';\nexport const found = search;\n";
    for (const code of [READ_FILE, client, DOCUMENT, ASTRO_CONTENT, 'export const now = Date.now() + Math.random();\n']) {
      expect(await boundariesHit(code, 'scripts/x.ts')).toEqual([]);
    }
  });
});
