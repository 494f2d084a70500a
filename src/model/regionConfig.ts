/**
 * The one settings file, `data/region.json`: the region (code, names), where the site lives (its
 * address and the base path under a portal), its languages, the map (centre, zoom, default tiles) and
 * how a reported figure that differs from the data is treated. It sits in the data folder so a county
 * that brings its own data brings its own settings, and each test fixture can carry its own. Written
 * by `npm run init-region`, checked by the validator like any data file (rule `site-config`).
 * Secrets never live here: the Tianditu key is TIANDITU_KEY in the environment.
 *
 * Pure: src/load/ reads the file (and the environment overrides) and hands their text here.
 */
import { z } from 'astro/zod';
import { LOCALES, type Bilingual, type Locale } from '../i18n/locale.ts';

export const REGION_CONFIG_FILE = 'region.json';

export const TILE_PROVIDERS = ['none', 'osm', 'tianditu', 'amap'] as const;
export type TileProvider = (typeof TILE_PROVIDERS)[number];

const longitude = z.number().min(-180).max(180);
const latitude = z.number().min(-90).max(90);

/** A base path: `/`, or segments between slashes (`/xczx/`, `/xczx/sub/`), as a portal's folder is named. */
const BASE_PATH = /^\/(?:[A-Za-z0-9._~-]+\/)*$/;

const languagesSchema = z
  .array(z.enum(LOCALES as [Locale, ...Locale[]]))
  .min(1)
  .refine((list) => list[0] === 'zh-CN', { message: 'zh-CN must come first' })
  .refine((list) => new Set(list).size === list.length, { message: 'a language is named twice' });

export const regionConfigSchema = z
  .object({
    code: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/),
    name: z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict(),
    site: z
      .object({
        /** The site's address, scheme and host only (`https://www.example.gov.cn`): the path is `base`. */
        url: z
          .string()
          .url()
          .refine((url) => /^https?:\/\/[^/?#]+\/?$/.test(url), { message: 'an http(s) address with no path: put the path in base' })
          .optional(),
        base: z.string().regex(BASE_PATH).default('/'),
      })
      .strict()
      .default({}),
    languages: languagesSchema.default(['zh-CN', 'en']),
    map: z
      .object({
        centre: z.tuple([longitude, latitude]),
        zoom: z.number().int().min(0).max(19),
        tiles: z.enum(TILE_PROVIDERS),
      })
      .strict(),
    reconciliation: z.enum(['lenient', 'strict']).default('lenient'),
  })
  .strict();

export type RegionConfig = z.infer<typeof regionConfigSchema>;
export type Reconciliation = RegionConfig['reconciliation'];

/** The file's text, formatted the one way (two-space JSON and a final newline), so a rewrite changes no byte. */
export const formatRegionConfig = (config: z.input<typeof regionConfigSchema>): string => `${JSON.stringify(regionConfigSchema.parse(config), null, 2)}\n`;

/** One thing wrong with the file: where (the key path, `site.base`), and what, in both languages. */
export type ConfigIssue = { path: string; message: Bilingual };

/** Keys that look like a secret: a key, token or password belongs in the environment, never in a file that is published and committed. */
const SECRET_KEY = /key|token|secret|password|passwd/i;

function secretKeys(value: unknown, path: string[] = []): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    SECRET_KEY.test(key) ? [[...path, key].join('.')] : secretKeys(inner, [...path, key]),
  );
}

/** Zod's reason for one issue, said in both languages. */
function reason(issue: z.ZodIssue): Bilingual {
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined'
        ? { zh: '缺少此项', en: 'it is missing' }
        : { zh: `应为 ${issue.expected}，实为 ${issue.received}`, en: `expected ${issue.expected}, received ${issue.received}` };
    case 'invalid_enum_value':
      return { zh: `可用：${issue.options.join('、')}`, en: `use one of: ${issue.options.join(', ')}` };
    case 'unrecognized_keys':
      return { zh: `未知的设置：${issue.keys.join('、')}`, en: `unknown setting: ${issue.keys.join(', ')}` };
    case 'invalid_string':
      return issue.validation === 'url'
        ? { zh: '不是有效的网址', en: 'it is not a valid address' }
        : { zh: '格式不对（如 "/"、"/xczx/"，以 / 开头和结尾）', en: 'wrong form (such as "/" or "/xczx/", starting and ending with /)' };
    case 'too_small':
    case 'too_big':
      return { zh: `超出范围：${issue.message}`, en: `out of range: ${issue.message}` };
    default:
      return issue.message === 'zh-CN must come first'
        ? { zh: '必须包含 zh-CN 且排在第一', en: 'zh-CN is required and comes first' }
        : issue.message === 'a language is named twice'
          ? { zh: '有语言重复', en: 'a language is named twice' }
          : issue.message.startsWith('an http(s) address')
            ? { zh: '应为只有协议和域名的 http(s) 网址，路径写在 base 中', en: 'an http(s) address with no path: put the path in base' }
            : { zh: issue.message, en: issue.message };
  }
}

/** The settings in a region.json text, or every reason they cannot be read, each at its key path. */
export function checkRegionConfig(text: string): { config: RegionConfig } | { issues: ConfigIssue[] } {
  let json: unknown;
  try {
    // Notepad on Windows may save a byte order mark first: it is no part of the JSON.
    json = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { issues: [{ path: '', message: { zh: `不是有效的 JSON：${why}`, en: `it is not valid JSON: ${why}` } }] };
  }
  const secrets = secretKeys(json);
  if (secrets.length > 0) {
    return {
      issues: secrets.map((path) => ({
        path,
        message: {
          zh: '密钥不能写在设置文件中（它会随数据提交和发布）：天地图密钥请放在环境变量 TIANDITU_KEY 中',
          en: 'A key does not belong in the settings file (it is committed and published with the data): set the Tianditu key as TIANDITU_KEY in the environment',
        },
      })),
    };
  }
  const parsed = regionConfigSchema.safeParse(json);
  if (parsed.success) return { config: parsed.data };
  return {
    issues: parsed.error.issues.map((issue) => {
      const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
      return { path: path.join('.'), message: reason(issue) };
    }),
  };
}

/** The settings in a region.json text, or the first reason they cannot be read, in both languages. */
export function parseRegionConfig(text: string): { config: RegionConfig } | { problem: Bilingual } {
  const checked = checkRegionConfig(text);
  if ('config' in checked) return checked;
  const { path, message } = checked.issues[0]!;
  const where = path === '' ? '' : ` ${path}`;
  return { problem: { zh: `${REGION_CONFIG_FILE}${where}：${message.zh}`, en: `${REGION_CONFIG_FILE}${where}: ${message.en}` } };
}

/** The tiles a build uses: MAP_TILES when set, else the region's default. */
export const tilesSetting = (mapTiles: string | undefined, config: RegionConfig | undefined): string | undefined =>
  mapTiles !== undefined && mapTiles.trim() !== '' ? mapTiles : config?.map.tiles;

/** Where and in which languages a build publishes. */
export type DeploySettings = {
  /** The site's address without its path (Astro's `site`). */
  url: string;
  /** `/` or `/xczx/sub/` (Astro's `base`). */
  base: string;
  languages: Locale[];
};

/** The address a build uses when neither SITE_URL nor region.json names one: the preview server's. */
export const PREVIEW_URL = 'http://localhost:4321';

/** `xczx/sub`, `/xczx/sub` and `/xczx/sub/` all name the folder `/xczx/sub/`. */
export function normalizeBase(base: string): string | undefined {
  const trimmed = base.trim();
  if (trimmed === '' || trimmed === '/') return '/';
  const slashed = `/${trimmed.replace(/^\/+|\/+$/g, '')}/`;
  return BASE_PATH.test(slashed) ? slashed : undefined;
}

/** The settings of region.json with the deploy-time environment winning where it is set (SITE_URL, BASE_PATH). */
export function deploySettings(config: RegionConfig | undefined, env: { SITE_URL?: string | undefined; BASE_PATH?: string | undefined }): DeploySettings {
  const set = (value: string | undefined) => (value !== undefined && value.trim() !== '' ? value.trim() : undefined);
  const fromEnv = set(env.BASE_PATH);
  const base = fromEnv === undefined ? (config?.site.base ?? '/') : normalizeBase(fromEnv);
  if (base === undefined) {
    throw new Error(`BASE_PATH 的值“${fromEnv}”不是有效的路径（如 /xczx/）。 BASE_PATH "${fromEnv}" is not a path such as /xczx/.`);
  }
  return { url: set(env.SITE_URL) ?? config?.site.url ?? PREVIEW_URL, base, languages: config?.languages ?? [...LOCALES] };
}
