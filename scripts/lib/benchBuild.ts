/**
 * What the build benchmarks share (bench:site, bench:scale): running a command and failing loudly,
 * counting a site's HTML pages and bytes, the bare Astro project a build is compared with, and the
 * tables they print.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { layOutTable } from '../../src/format/layOutTable.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');
/** No build may phone home while it is being timed (or ever: builds run offline). */
export const BENCH_ENV: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
/** At most this rise in time per page from the smallest size to the largest counts as linear growth. */
export const LINEAR_GROWTH = 1.5;

/** Runs a command to its end and returns its wall time in ms; a failure throws with its output. */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = BENCH_ENV): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} 失败 · failed (exit ${result.status}) in ${cwd}\n${result.stdout}\n${result.stderr}`);
  }
  return ms;
}

/** Files under `dir` whose name ends with `suffix` (every file when it is empty). */
export function countFiles(dir: string, suffix = ''): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += countFiles(join(dir, entry.name), suffix);
    else if (entry.name.endsWith(suffix)) count += 1;
  }
  return count;
}

export const countHtmlPages = (dir: string): number => countFiles(dir, '.html');

/** Bytes of every file under `dir` (a hard-linked picture counts once per place it is published). */
export function folderBytes(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) bytes += folderBytes(path);
    else if (entry.isFile()) bytes += statSync(path).size;
  }
  return bytes;
}

/** A throwaway Astro project with `pages` trivial static pages, one dynamic route as the site uses. */
export function createBareProject(dir: string, pages: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages', 'p'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bare-astro-bench', private: true, type: 'module' }, null, 2));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ trailingSlash: 'always', build: { format: 'directory' }, devToolbar: { enabled: false } });\n`,
  );
  writeFileSync(
    join(dir, 'src', 'pages', 'p', '[n].astro'),
    `---\nexport function getStaticPaths() {\n  return Array.from({ length: ${pages} }, (_, n) => ({ params: { n: String(n) } }));\n}\nconst { n } = Astro.params;\n---\n<html lang="en"><head><meta charset="utf-8" /><title>Page {n}</title></head><body><h1>Page {n}</h1><p>A trivial static page.</p></body></html>\n`,
  );
}

/** The wall time in ms of `astro build` of a bare project of `pages` pages (made in `dir`, then removed). */
export function timeBareBuild(dir: string, pages: number): number {
  createBareProject(dir, pages);
  try {
    return run('npx', ['astro', 'build', '--silent'], dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printTable(header: string[], rows: string[][]): void {
  for (const line of layOutTable(header, rows, 1)) console.log(line);
}
