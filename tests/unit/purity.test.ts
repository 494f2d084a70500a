import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The pure folders of src/ (every step from bytes to view models, formatting, publishing and chart
 * layouts) give the same output for the same input in a script, a test, the build or the browser.
 * So no Astro virtual module, no file system or process, no DOM and no clock. `astro/zod` is allowed:
 * it is zod itself, re-exported, the schema library the project's types are inferred from. ESLint
 * enforces the same boundaries as imports; this test also catches globals used without an import.
 */
const SRC = join(import.meta.dirname, '..', '..', 'src');
export const PURE_FOLDERS = ['read', 'model', 'derive', 'format', 'publish', 'config', 'charts', 'i18n'];

const modulesIn = (folder: string): string[] =>
  readdirSync(join(SRC, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => relative(SRC, join(SRC, folder, name)));
const MODULES = PURE_FOLDERS.flatMap(modulesIn);

const FORBIDDEN: [string, RegExp][] = [
  ['an Astro virtual module', /from\s+'astro:/],
  ['Node built-ins', /from\s+'(node:|fs'|path'|os'|child_process')/],
  ['the process', /\bprocess\./],
  ['the clock', /\bDate\.now\(|\bnew Date\(\s*\)|performance\.now\(/],
  ['the DOM', /\b(document|window|localStorage)\./],
  ['browser code', /from\s+'[./]*client\//],
];

describe('pure folders of src/', () => {
  it.each(MODULES)('%s uses no Astro runtime, file system, process, DOM, clock or browser code', (name) => {
    // Comments may name what the code avoids.
    const code = readFileSync(join(SRC, name), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const found = FORBIDDEN.filter(([, pattern]) => pattern.test(code)).map(([what]) => what);
    expect(found).toEqual([]);
  });

  it.each(PURE_FOLDERS)('src/%s/ has modules to check', (folder) => {
    expect(modulesIn(folder).length).toBeGreaterThan(0);
  });
});
