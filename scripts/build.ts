/**
 * npm run build: validate data/, and only if it passes, build the site beside dist/ and swap it in.
 * A failed validation or a failed build leaves the published dist/ exactly as it was.
 */
import { resolve } from 'node:path';
import { build } from 'astro';
import { DATA_DIR } from '../src/load/readDataDir.ts';
import { DIST_DIR, publish } from './lib/publish.ts';

const root = resolve('.');
const outcome = await publish({
  dataDir: DATA_DIR,
  distDir: DIST_DIR,
  buildSite: (outDir) => build({ root, outDir, logLevel: 'warn' }),
});
process.exitCode = outcome.published ? 0 : 1;
