import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * src/pipeline/ is pure TypeScript: the same bytes give the same report in a script, a test or the
 * build. So no Astro virtual module, no file system or process, no DOM and no clock. `astro/zod` is
 * allowed: it is zod itself, re-exported, the schema library the project's types are inferred from.
 */
const PIPELINE = join(import.meta.dirname, '..', '..', 'src', 'pipeline');
const MODULES = readdirSync(PIPELINE).filter((name) => name.endsWith('.ts'));

const FORBIDDEN: [string, RegExp][] = [
  ['an Astro virtual module', /from\s+'astro:/],
  ['Node built-ins', /from\s+'(node:|fs'|path'|os'|child_process')/],
  ['the process', /\bprocess\./],
  ['the clock', /\bDate\.now\(|\bnew Date\(\s*\)|performance\.now\(/],
  ['the DOM', /\b(document|window|localStorage)\./],
];

describe('src/pipeline/', () => {
  it.each(MODULES)('%s uses no Astro runtime, file system, process, DOM or clock', (name) => {
    // Comments may name what the code avoids.
    const code = readFileSync(join(PIPELINE, name), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const found = FORBIDDEN.filter(([, pattern]) => pattern.test(code)).map(([what]) => what);
    expect(found).toEqual([]);
  });

  it('has modules to check', () => {
    expect(MODULES.length).toBeGreaterThan(10);
  });
});
