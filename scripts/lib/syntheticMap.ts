/**
 * A province-sized progress map without building a province: seeded synthetic records (12 cities,
 * their counties and towns, any number of villages with projects, funds, a pairing and twelve monthly
 * reviews) put through the same payload builder as the site (buildMapPayload, toClientPayload), and
 * the built fixture site's map page with that payload in place of its own. `npm run bench:map` times
 * its first render; tests/browser/progressMapAtScale.test.ts drives it.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { buildPlaceTree } from '../../src/derive/aggregate.ts';
import { buildMapPayload, type MapPayload } from '../../src/derive/map/buildMapPayload.ts';
import { toClientPayload, toVillageDetails, villageDetailsPath, type ClientMapPayload, type VillageDetails } from '../../src/derive/map/clientPayload.ts';
import { buildMapList, LIST_PAGE_SIZE } from '../../src/derive/map/mapList.ts';
import { resolveTileConfig } from '../../src/config/tileConfig.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { SECTOR_KEYS, STAGE_KEYS, type LocationPrecision } from '../../src/model/vocabulary.ts';
import type { Division, Fund, MonthlyReview, Pairing, Project, Records, Sourced, Village } from '../../src/read/tables.ts';
import { toScriptJson } from '../../src/publish/toScriptJson.ts';

export const SYNTHETIC_SEED = 18;
const CITIES = 12;
const COUNTIES_PER_CITY = 9;
const TOWNS_PER_COUNTY = 10;
const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12'];
const SYLLABLES = '安宝昌达东丰富广海和红华吉金康乐林隆满明宁平庆瑞山胜顺泰天旺兴阳永裕增长';

/** Seeded records of a province (code 15) with `villages` villages, spread over Inner Mongolia's extent. */
export function syntheticRecords(villages: number, seed = SYNTHETIC_SEED): Records {
  const rng: RandomGenerator = xoroshiro128plus(seed);
  const int = (min: number, max: number): number => uniformInt(rng, min, max);
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  let row = 1;
  const sourced = <T>(record: T): Sourced<T> => ({ ...record, row: (row += 1) });
  const name = (suffix: string) => `${pick([...SYLLABLES])}${pick([...SYLLABLES])}${suffix}`;
  const division = (code: string, label: string, seat?: [number, number]): Sourced<Division> =>
    sourced({ code, name: label, name_en: undefined, seat_lon_wgs84: seat?.[0], seat_lat_wgs84: seat?.[1] });

  const records: Records = {
    edition: [sourced({ region_code: '15', as_of: '2024-12-31', note: undefined })],
    divisions: [division('15', '内蒙古自治区')],
    villages: [],
    projects: [],
    funds: [],
    talent: [],
    pairings: [],
    monthly: [],
    reported: [],
  };
  const towns: { code: string; seat: [number, number] }[] = [];
  for (let c = 1; c <= CITIES; c += 1) {
    const city = `15${String(c).padStart(2, '0')}`;
    records.divisions.push(division(city, name('市')));
    // Cities west to east, as the region lies: 97°–126° E, 37°–53° N.
    const west = 97 + (c - 1) * 2.4;
    for (let k = 1; k <= COUNTIES_PER_CITY; k += 1) {
      const county = `${city}${String(k).padStart(2, '0')}`;
      records.divisions.push(division(county, name('旗')));
      const lon = west + (k % 3) * 0.8 + 0.4;
      const lat = 38 + Math.floor((k - 1) / 3) * 4 + (c % 3);
      for (let t = 1; t <= TOWNS_PER_COUNTY; t += 1) {
        const code = `${county}${String(100 + t).padStart(3, '0')}`;
        const seat: [number, number] = [lon + int(-3500, 3500) / 10_000, lat + int(-15_000, 15_000) / 10_000];
        records.divisions.push(division(code, name('镇'), seat));
        towns.push({ code, seat });
      }
    }
  }
  const units = Array.from({ length: 400 }, (_, i) => `${name('')}局${i + 1}`);
  for (let v = 0; v < villages; v += 1) {
    const town = towns[v % towns.length]!;
    const code = `${town.code}${String(200 + Math.floor(v / towns.length)).padStart(3, '0')}`;
    const surveyed = int(0, 99) < 15;
    const precision: LocationPrecision = surveyed ? 'surveyed' : 'town-seat';
    const point: [number, number] = surveyed ? [town.seat[0] + int(-300, 300) / 10_000, town.seat[1] + int(-300, 300) / 10_000] : town.seat;
    records.villages.push(
      sourced<Village>({
        village_code: code,
        name: name(int(0, 4) === 0 ? '嘎查' : '村'),
        kind: 'village',
        lon_wgs84: point[0],
        lat_wgs84: point[1],
        location_precision: precision,
        location_source: undefined,
        name_en: undefined,
      }),
    );
    const projects = int(0, 3);
    for (let p = 0; p < projects; p += 1) {
      records.projects.push(
        sourced<Project>({
          project_id: `P${v}-${p}`,
          village_code: code,
          name: `项目${v}-${p}`,
          sector: pick(SECTOR_KEYS),
          investment_yuan: BigInt(int(10, 5000)) * 1_000_00n,
          expected_annual_net_income_yuan: undefined,
          stage: pick(STAGE_KEYS),
          start_date: '2024-03-01',
          provenance: 'illustrative',
          note: undefined,
        }),
      );
      records.funds.push(
        sourced<Fund>({
          fund_id: `F${v}-${p}`,
          date: '2024-05-01',
          village_code: code,
          project_id: undefined,
          source_kind: 'government',
          source_name: '财政',
          amount_yuan: BigInt(int(5, 3000)) * 1_000_00n,
          provenance: 'illustrative',
          note: undefined,
        }),
      );
    }
    records.pairings.push(
      sourced<Pairing>({
        village_code: code,
        unit_name: pick(units),
        enterprise_name: int(0, 1) === 0 ? undefined : `${name('')}公司`,
        since: undefined,
        provenance: 'illustrative',
        note: undefined,
      }),
    );
    // Stages move forward through the year, as a monthly review does.
    let stage = int(0, 2);
    for (const month of MONTHS) {
      if (int(0, 5) === 0) stage = Math.min(stage + 1, 3);
      records.monthly.push(
        sourced<MonthlyReview>({
          month,
          village_code: code,
          collective_income_yuan: BigInt(int(0, 500)) * 1_000_00n,
          stage: STAGE_KEYS[stage]!,
          note: undefined,
          provenance: 'illustrative',
        }),
      );
    }
  }
  return records;
}

export type SyntheticMap = { payload: MapPayload; client: ClientMapPayload; details: VillageDetails };

/** The map payload of syntheticRecords, for one page language, as the site would build it. */
export function syntheticMap(villages: number, locale: Locale = 'zh-CN', seed = SYNTHETIC_SEED): SyntheticMap {
  const records = syntheticRecords(villages, seed);
  const payload = buildMapPayload({ records, tree: buildPlaceTree(records), locale, tiles: resolveTileConfig({}) });
  return { payload, client: toClientPayload(payload), details: toVillageDetails(payload) };
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The built map page (`html`, /map/ of the fixture site) with the synthetic map in place of its own:
 * its JSON, the place filters' options (cities, counties, towns, as ProgressMap.astro writes them),
 * the list's first page and, when the details are not inlined, the link to them (`detailsUrl` answers
 * with `map.details`). The page's own script and styles are the site's, unchanged.
 */
export function syntheticMapPage(html: string, map: SyntheticMap): string {
  const { payload, client } = map;
  const options = (all: string, items: { code: string; name: string }[]) =>
    `<option value="">${escapeHtml(all)}</option>${items.map((item) => `<option value="${item.code}">${escapeHtml(item.name)}</option>`).join('')}`;
  const select = (name: string, all: string, items: { code: string; name: string }[]) =>
    `<label>${name}<select name="${name}">${options(all, items)}</select></label>`;
  const cities = payload.areas.filter((area) => area.level === 'city');
  const counties = payload.areas.filter((area) => area.level === 'county');
  const townSelect = /<label>[^<]*<select name="town">[\s\S]*?<\/select>\s*<\/label>/;
  if (!townSelect.test(html)) throw new Error('The map page has no town filter to replace');
  const { villages } = buildMapList(payload);
  const rows = villages
    .slice(0, LIST_PAGE_SIZE)
    .map((v) => `<li data-code="${v.code}" data-town="${v.townCode}"><a href="/villages/${v.code}/">${escapeHtml(v.name)}</a></li>`)
    .join('');
  // A built city's or province's page has city and county filters of its own: the synthetic ones replace them.
  const ownSelect = (name: string) => new RegExp(`<label>[^<]*<select name="${name}">[\\s\\S]*?<\\/select>\\s*<\\/label>`, 'g');
  return html
    .replace(ownSelect('city'), '')
    .replace(ownSelect('county'), '')
    .replace(/<a hidden data-map-details[^>]*><\/a>/g, '')
    .replace(
      townSelect,
      [select('city', 'all cities', cities), select('county', 'all counties', counties), select('town', 'all towns', payload.towns)].join(''),
    )
    .replace(/(<ul id="village-list"[^>]*>)[\s\S]*?(<\/ul>)/, `$1${rows}$2`)
    .replace(
      /<script type="application\/json" id="map-data">[\s\S]*?<\/script>/,
      `${client.details === null ? `<a hidden data-map-details href="${villageDetailsPath(payload.locale)}"></a>` : ''}<script type="application/json" id="map-data">${toScriptJson(client)}</script>`,
    );
}
