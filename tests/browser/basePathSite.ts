/**
 * The site as a portal would host it, under a folder: tests/fixtures/small copied to a temporary
 * folder with a region.json that sets the site's address and the base path /xczx/sub/, one released
 * edition (so an edition's own pages are there too), built the way `npm run build` does and served
 * under the prefix only (anything outside it is not found). For tests/browser/basePath.test.ts.
 *
 * BROWSER_BASE_DIR names a folder already built so (from BROWSER_BASE_DATA_DIR) to iterate without rebuilding.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/lib/staticServer.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site under its base path, with the trailing slash: `http://127.0.0.1:<port>/xczx/sub/`. */
    baseSiteUrl: string;
    /** The base path it was built for. */
    basePath: string;
    /** The address region.json gives the site, without a path. */
    baseSiteAddress: string;
    /** The data it was built from (the small fixture, its settings and its edition). */
    baseDataDir: string;
  }
}

export const BASE_PATH = '/xczx/sub/';
export const SITE_ADDRESS = 'https://www.example.gov.cn';
const ROOT = resolve(import.meta.dirname, '..', '..');

const SETTINGS = {
  code: '150627',
  name: { zh: '伊金霍洛旗', en: 'Ejin Horo Banner' },
  site: { url: SITE_ADDRESS, base: BASE_PATH },
  languages: ['zh-CN', 'en'],
  map: { centre: [109.753157, 39.357522], zoom: 9, tiles: 'none' },
  reconciliation: 'lenient',
};

function run(args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync('npx', ['tsx', ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${result.status})\n${result.stdout}\n${result.stderr}`);
}

/** Builds (unless BROWSER_BASE_DIR is given) and serves the site under its base path; returns what stops it. */
export async function serveBasePathSite(project: TestProject): Promise<() => Promise<void>> {
  let temp: string | undefined;
  let dataDir = process.env.BROWSER_BASE_DATA_DIR;
  let distDir = process.env.BROWSER_BASE_DIR;
  if (distDir === undefined || dataDir === undefined) {
    temp = mkdtempSync(join(tmpdir(), 'site-base-path-'));
    dataDir = join(temp, 'data');
    distDir = join(temp, 'dist');
    cpSync(join(ROOT, 'tests', 'fixtures', 'small'), dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'region.json'), `${JSON.stringify(SETTINGS, null, 2)}\n`);
    run(['scripts/release.ts', '--dir', dataDir, '--note', '测试版本', '--note-en', 'Test edition']);
    const started = performance.now();
    run(['scripts/build.ts'], { DATA_DIR: dataDir, DIST_DIR: distDir });
    console.log(`built ${dataDir} under ${BASE_PATH} → ${distDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const server = await startStaticServer(distDir, 0, { base: BASE_PATH });
  project.provide('baseSiteUrl', `${server.url}${BASE_PATH}`);
  project.provide('basePath', BASE_PATH);
  project.provide('baseSiteAddress', SITE_ADDRESS);
  project.provide('baseDataDir', resolve(dataDir));
  return async () => {
    await server.close();
    if (temp !== undefined) rmSync(temp, { recursive: true, force: true });
  };
}
