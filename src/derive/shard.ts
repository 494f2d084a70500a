/**
 * One subtree of a dataset as a dataset of its own (`npm run build -- --only <code>`): a province of
 * the country, a city of a province, a town of a county. A CI job matrix builds one shard per job and
 * the shards are merged by copying (docs/scale.md). Pure: the records in, the shard's records out;
 * scripts/lib/shard.ts reads and writes the files.
 *
 * A row belongs to the shard when its place code lies within the shard's code; divisions.csv also
 * keeps the levels above the shard (a dataset names its ancestors), and edition.csv names the shard
 * as its region. Reported figures of a wider scope (the county's total, for a town's shard) are left
 * out: they are not the shard's to reconcile.
 */
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { Bilingual } from '../i18n/locale.ts';
import { ancestorsOf, isLevel, isWithin, levelOf, parentOf, type Level } from '../model/divisionCode.ts';
import type { Records } from '../read/tables.ts';
import { englishName } from '../format/placeName.ts';

/** The levels a shard may be cut at: divisions, never a single village. */
export const SHARD_LEVELS = ['province', 'city', 'county', 'town'] as const satisfies readonly Level[];

/** The option's own check: a 2-, 4-, 6- or 9-digit code; whether the dataset holds it is checkShardCode's. */
export function checkShardCodeForm(value: string): Bilingual | undefined {
  return /^\d+$/.test(value) && SHARD_LEVELS.some((level) => isLevel(value, level))
    ? undefined
    : {
        zh: '应为省（2位）、市（4位）、县（6位）或镇（9位）的统计用区划代码',
        en: 'must be the statistical code of a province (2 digits), city (4), county (6) or town (9)',
      };
}

/**
 * Why the dataset cannot be cut at `code`, or undefined when it can: the code must be the dataset's
 * region or a division under it, and hold at least one village.
 */
export function checkShardCode(code: string, records: Pick<Records, 'divisions' | 'villages' | 'edition'>): Bilingual | undefined {
  const form = checkShardCodeForm(code);
  if (form !== undefined) return { zh: `${code}：${form.zh}`, en: `${code}: ${form.en}` };
  const region = records.edition[0]?.region_code ?? '';
  const division = records.divisions.find((d) => d.code === region);
  const where = {
    zh: `本数据集是 ${region} ${division?.name ?? ''}`.trim(),
    en: `this dataset is ${region} ${division === undefined ? '' : englishName(division)}`.trim(),
  };
  if (!isWithin(code, region)) {
    return {
      zh: `${code} 不在本数据集中（${where.zh}），只能选它或它下辖的区划`,
      en: `${code} is outside this dataset (${where.en}); choose it or a division under it`,
    };
  }
  if (!records.divisions.some((d) => d.code === code)) {
    return {
      zh: `本数据集的 divisions.csv 中没有 ${code}（${where.zh}），请检查代码`,
      en: `${code} is not in this dataset's divisions.csv (${where.en}); check the code`,
    };
  }
  if (!records.villages.some((v) => isWithin(v.village_code, code))) {
    return { zh: `${code} 下没有嘎查村，无法单独生成`, en: `${code} holds no village, so there is nothing to build on its own` };
  }
  return undefined;
}

/** The dataset's records restricted to the subtree of `code` (checked first with checkShardCode). */
export function selectSubtree(records: Records, code: string): Records {
  const within = (place: string): boolean => isWithin(place, code);
  const above = new Set(ancestorsOf(code));
  return {
    edition: records.edition.map((edition) => ({ ...edition, region_code: code })),
    divisions: records.divisions.filter((d) => within(d.code) || above.has(d.code)),
    villages: records.villages.filter((v) => within(v.village_code)),
    projects: records.projects.filter((p) => within(p.village_code)),
    funds: records.funds.filter((f) => within(f.village_code)),
    talent: records.talent.filter((t) => within(t.place_code)),
    pairings: records.pairings.filter((p) => within(p.village_code)),
    monthly: records.monthly.filter((m) => within(m.village_code)),
    reported: records.reported.filter((r) => within(r.scope_code)),
  };
}

/** Where a shard lives: its code as a folder under the whole site's base path (`/` → `/15/`, `/xczx/` → `/xczx/15/`). */
export const shardBase = (parentBase: string, code: string): string => `${parentBase}${code}/`;

/** A feature of an areas file (src/model/regionOutline.ts areaOutlinesFile): a city or county outline. */
type AreaFeature = FeatureCollection<MultiPolygon>['features'][number];
const codeOfFeature = (feature: AreaFeature): string => {
  const code = (feature.properties as { code?: unknown } | null)?.code;
  return typeof code === 'string' || typeof code === 'number' ? String(code) : '';
};

/**
 * The outlines a shard's geo/ folder holds, from the dataset's: its own outline (the region's when the
 * shard is the region; a city's or county's from the areas file; a town's county's, as init-region
 * does for a town) and the areas under it. Undefined outline when none is known: the map then fits
 * the villages and locations are not checked against an outline, as for a region without one.
 */
export function shardOutlines(
  code: string,
  regionCode: string,
  regionOutline: unknown,
  areas: FeatureCollection<MultiPolygon> | undefined,
): { outline?: unknown; areas?: FeatureCollection<MultiPolygon> } {
  const outlineCode = levelOf(code) === 'town' ? parentOf(code)! : code;
  const feature = areas?.features.find((f) => codeOfFeature(f) === outlineCode);
  const outline =
    outlineCode === regionCode || code === regionCode
      ? regionOutline
      : feature === undefined
        ? undefined
        : ({ type: 'FeatureCollection', features: [feature] } satisfies FeatureCollection<MultiPolygon>);
  const below = areas?.features.filter((f) => codeOfFeature(f) !== code && isWithin(codeOfFeature(f), code)) ?? [];
  const inner = levelOf(code) === 'province' || levelOf(code) === 'city' ? below : [];
  return {
    ...(outline === undefined ? {} : { outline }),
    ...(inner.length === 0 ? {} : { areas: { type: 'FeatureCollection', features: inner } }),
  };
}

/** A place of the shard index: its code, and its name in both languages. */
export type ShardEntry = { code: string; name: Bilingual };

/**
 * The shards the index lists: the divisions under the shard's parent (the provinces of the country,
 * the cities of a province…) that hold a village, as the statistical list names them. Every job of
 * a matrix writes the same list, so the index pages it writes are the same bytes and merge by copying.
 */
export function siblingShards(code: string, names: ReadonlyMap<string, Bilingual>, villageCodes: Iterable<string>): ShardEntry[] {
  const parent = parentOf(code) ?? '';
  const length = code.length;
  const holding = new Set<string>();
  for (const village of villageCodes) if (village.startsWith(parent)) holding.add(village.slice(0, length));
  return [...holding]
    .filter((sibling) => names.has(sibling))
    .sort()
    .map((sibling) => ({ code: sibling, name: names.get(sibling)! }));
}
