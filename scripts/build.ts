/**
 * npm run build: validate data/, and only if it passes, build the site beside dist/ and swap it in.
 * A failed validation or a failed build leaves the published dist/ exactly as it was.
 */
import { cpSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'astro';
import { DATA_DIR, dayOfBuild } from '../src/load/readDataDir.ts';
import { DIST_DIR, publish } from './lib/publish.ts';

const root = resolve('.');

/**
 * Astro 5 builds into a folder outside the project with some of its own files left in it
 * (content-assets.mjs, content-modules.mjs, data-store.json after `npm run dev`); inside the project it
 * does not. So a DIST_DIR elsewhere is built inside and copied out.
 */
async function buildSite(outDir: string): Promise<void> {
  const inside = !relative(root, outDir).startsWith('..');
  if (inside) return build({ root, outDir, logLevel: 'warn' });
  const work = join(root, '.build', `site-${process.pid}`);
  try {
    await build({ root, outDir: work, logLevel: 'warn' });
    cpSync(work, outDir, { recursive: true });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const outcome = await publish({ dataDir: DATA_DIR, distDir: DIST_DIR, buildSite, today: dayOfBuild() });
process.exitCode = outcome.published ? 0 : 1;
