/**
 * The settings a build runs with: data/region.json (DATA_DIR), with the deploy-time environment
 * winning where it is set — SITE_URL (the address), BASE_PATH (the folder under it), MAP_TILES (the
 * tiles) — and the Tianditu key from TIANDITU_KEY only. astro.config.mjs and the Site both read them here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deploySettings, parseRegionConfig, REGION_CONFIG_FILE, type DeploySettings, type RegionConfig } from '../model/regionConfig.ts';
import { DATA_DIR } from './readDataDir.ts';

/**
 * data/region.json, when there is one. One that cannot be read stops the build with the reason
 * (npm run validate lists every one): a build should not quietly ignore the region's settings.
 */
export function readRegionConfig(dir: string = DATA_DIR): RegionConfig | undefined {
  const file = join(dir, REGION_CONFIG_FILE);
  if (!existsSync(file)) return undefined;
  const parsed = parseRegionConfig(readFileSync(file, 'utf8'));
  if ('problem' in parsed) throw new Error(`${parsed.problem.zh}\n${parsed.problem.en}`);
  return parsed.config;
}

/** The address, base path and languages of this build. */
export const readDeploySettings = (dir: string = DATA_DIR, env: NodeJS.ProcessEnv = process.env): DeploySettings =>
  deploySettings(readRegionConfig(dir), { SITE_URL: env.SITE_URL, BASE_PATH: env.BASE_PATH });
