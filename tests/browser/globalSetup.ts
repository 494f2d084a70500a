/**
 * Builds the site twice, the way `npm run build` does (validate, then build, then swap), into a
 * temporary folder: once from tests/fixtures/region (a full banner; never data/, which a county
 * replaces with its own), once from tests/fixtures/hostile (a village named
 * `<img src=x onerror=alert(1)>村`). Serves both on 127.0.0.1 and hands the addresses to the tests;
 * tests/browser/basePathSite.ts adds the small fixture built and served under a base path.
 *
 * A third site is a county started from nothing, 乌审旗 (startUxin).
 *
 * To iterate on tests without rebuilding, point BROWSER_SITE_DIR and BROWSER_HOSTILE_DIR at folders
 * already built from tests/fixtures/region and from tests/fixtures/hostile, and BROWSER_UXIN_DIR at
 * one built from 乌审旗's starting data.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer, type StaticServer } from '../../scripts/lib/staticServer.ts';
import { serveBasePathSite } from './basePathSite.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the site built from tests/fixtures/region, without a trailing slash. */
    siteUrl: string;
    /** Origin of the site built from tests/fixtures/hostile. */
    hostileUrl: string;
    /** Absolute folder of the data each site was built from. */
    siteDataDir: string;
    hostileDataDir: string;
    /** The folder the hostile site was built into, for checks of its files (the CSV downloads). */
    hostileDistDir: string;
    /** The folder the fixture region's site was built into, for checks against every file it holds (the sitemap). */
    siteDistDir: string;
    /** Origin of the site of 乌审旗 (150626), started by init-region and data:sample (startUxin). */
    uxinUrl: string;
    /** The data folder init-region and data:sample wrote for it. */
    uxinDataDir: string;
  }
}

const ROOT = resolve(import.meta.dirname, '..', '..');

function buildSite(dataDir: string, distDir: string): void {
  const started = performance.now();
  const result = spawnSync('npx', ['tsx', 'scripts/build.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DIST_DIR: distDir },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`构建失败 · Build failed for ${dataDir} (exit ${result.status})\n${result.stdout}\n${result.stderr}`);
  }
  console.log(`built ${dataDir} → ${distDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Runs one of the project's commands as a user would (`npx tsx scripts/…`), failing the setup with its output. */
function runScript(script: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync('npx', ['tsx', script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${script} ${args.join(' ')} 失败 · failed (exit ${result.status})\n${result.stdout}\n${result.stderr}`);
}

/**
 * 乌审旗 (150626), a county no fixture was made from, started the way a county starts: `npm run
 * init-region` and `npm run data:sample` write its data into a temporary folder, which is then built
 * like the others (tests/browser/anyRegion.test.ts). The data is seeded, so BROWSER_UXIN_DIR can name
 * a site already built from it, to iterate without building.
 */
function startUxin(): { dataDir: string; siteDir: string; remove: () => void } {
  const temp = mkdtempSync(join(tmpdir(), 'site-browser-uxin-'));
  const dataDir = join(temp, 'data');
  runScript('scripts/initRegion.ts', ['150626', '--as-of', '2024-12-31', '--out', dataDir]);
  runScript('scripts/generateSample.ts', ['--in', dataDir]);
  let siteDir = process.env.BROWSER_UXIN_DIR;
  if (siteDir === undefined) {
    siteDir = join(temp, 'site');
    buildSite(dataDir, siteDir);
  }
  return { dataDir, siteDir, remove: () => rmSync(temp, { recursive: true, force: true }) };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const siteDataDir = join(ROOT, 'tests', 'fixtures', 'region');
  const hostileDataDir = join(ROOT, 'tests', 'fixtures', 'hostile');
  let temp: string | undefined;
  let siteDir = process.env.BROWSER_SITE_DIR;
  let hostileDir = process.env.BROWSER_HOSTILE_DIR;
  if (siteDir === undefined || hostileDir === undefined) {
    temp = mkdtempSync(join(tmpdir(), 'site-browser-tests-'));
    siteDir = join(temp, 'site');
    hostileDir = join(temp, 'hostile');
    // One after the other: both builds use the same Astro project and its caches.
    buildSite(siteDataDir, siteDir);
    buildSite(hostileDataDir, hostileDir);
  }
  const uxin = startUxin();
  const servers: StaticServer[] = [await startStaticServer(siteDir), await startStaticServer(hostileDir), await startStaticServer(uxin.siteDir)];
  project.provide('siteUrl', servers[0]!.url);
  project.provide('hostileUrl', servers[1]!.url);
  project.provide('siteDataDir', siteDataDir);
  project.provide('hostileDataDir', hostileDataDir);
  project.provide('hostileDistDir', resolve(hostileDir));
  project.provide('siteDistDir', resolve(siteDir));
  project.provide('uxinUrl', servers[2]!.url);
  project.provide('uxinDataDir', uxin.dataDir);
  // One more site, under a base path (tests/browser/basePathSite.ts).
  const stopBasePathSite = await serveBasePathSite(project);

  return async () => {
    await stopBasePathSite();
    await Promise.all(servers.map((server) => server.close()));
    if (temp !== undefined) rmSync(temp, { recursive: true, force: true });
    uxin.remove();
  };
}
