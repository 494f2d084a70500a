/**
 * The region's own settings, `data/region.json`, written by `npm run init-region` and edited by hand
 * if need be: the region's name in both languages, where the map opens (centre and zoom, computed
 * from the region's outline) and which background tiles it uses by default. MAP_TILES, when set,
 * still wins over `tiles`, so a build can choose other tiles without editing the data.
 *
 * Pure: src/load/ reads the file and hands its text here.
 */
import { z } from 'astro/zod';
import { TILE_PROVIDERS } from './tileConfig.ts';
import type { Bilingual } from '../i18n/locale.ts';

export const REGION_CONFIG_FILE = 'region.json';

const longitude = z.number().min(-180).max(180);
const latitude = z.number().min(-90).max(90);

export const regionConfigSchema = z
  .object({
    code: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/),
    name: z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict(),
    map: z
      .object({
        centre: z.tuple([longitude, latitude]),
        zoom: z.number().int().min(0).max(19),
        tiles: z.enum(TILE_PROVIDERS),
      })
      .strict(),
  })
  .strict();

export type RegionConfig = z.infer<typeof regionConfigSchema>;

/** The file's text, formatted the one way (two-space JSON and a final newline), so a rewrite changes no byte. */
export const formatRegionConfig = (config: RegionConfig): string => `${JSON.stringify(regionConfigSchema.parse(config), null, 2)}\n`;

/** The settings in a region.json text, or why they cannot be read, in both languages. */
export function parseRegionConfig(text: string): { config: RegionConfig } | { problem: Bilingual } {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problem: { zh: `${REGION_CONFIG_FILE} 不是有效的 JSON：${reason}`, en: `${REGION_CONFIG_FILE} is not valid JSON: ${reason}` } };
  }
  const parsed = regionConfigSchema.safeParse(json);
  if (parsed.success) return { config: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.join('.') || '(root)';
  return { problem: { zh: `${REGION_CONFIG_FILE} 的 ${where} 不对：${issue.message}`, en: `${REGION_CONFIG_FILE}: ${where} is not right: ${issue.message}` } };
}

/** The tiles a build uses: MAP_TILES when set, else the region's default. */
export const tilesSetting = (mapTiles: string | undefined, config: RegionConfig | undefined): string | undefined =>
  mapTiles !== undefined && mapTiles.trim() !== '' ? mapTiles : config?.map.tiles;
