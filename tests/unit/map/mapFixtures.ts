/** Records of a small region (two towns, seven villages) shared by the map tests. */
import { buildPlaceTree } from '../../../src/derive/aggregate.ts';
import { buildMapVillages, type MapVillage } from '../../../src/derive/map/mapVillages.ts';
import type { LonLat } from '../../../src/derive/map/geodesy.ts';
import type { Division, Fund, MonthlyReview, Pairing, Project, Records, Sourced, Village } from '../../../src/read/tables.ts';

/** Great-circle distance in metres, written independently of the module under test. */
export function haversineMetres(a: LonLat, b: LonLat): number {
  const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = toRadians(b[1] - a[1]);
  const dLon = toRadians(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a[1])) * Math.cos(toRadians(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

export const SEAT_A: LonLat = [109.77822, 39.248359]; // 札萨克镇 seat
export const SEAT_B: LonLat = [110.200196, 39.289277]; // 乌兰木伦镇 seat
export const SURVEYED: LonLat = [109.700427, 39.298672]; // 给勒登庙嘎查

let row = 1;
const sourced = <T>(record: T): Sourced<T> => ({ ...record, row: (row += 1) });

const division = (code: string, name: string, seat?: LonLat): Sourced<Division> =>
  sourced({ code, name, name_en: undefined, seat_lon_wgs84: seat?.[0], seat_lat_wgs84: seat?.[1] });

export const village = (code: string, name: string, point: LonLat, precision: Village['location_precision']): Sourced<Village> =>
  sourced({
    village_code: code,
    name,
    kind: 'village',
    lon_wgs84: point[0],
    lat_wgs84: point[1],
    location_precision: precision,
    location_source: undefined,
    name_en: undefined,
  });

const project = (id: string, villageCode: string, sector: Project['sector'], investmentFen: bigint, provenance?: Project['provenance']): Sourced<Project> =>
  sourced({
    project_id: id,
    village_code: villageCode,
    name: `项目${id}`,
    sector,
    investment_yuan: investmentFen,
    expected_annual_net_income_yuan: undefined,
    stage: 'construction',
    start_date: '2021-03-01',
    provenance,
    note: undefined,
  });

const fund = (id: string, villageCode: string, amountFen: bigint, provenance?: Fund['provenance']): Sourced<Fund> =>
  sourced({
    fund_id: id,
    date: '2021-05-01',
    village_code: villageCode,
    project_id: undefined,
    source_kind: 'government',
    source_name: '旗财政',
    amount_yuan: amountFen,
    provenance,
    note: undefined,
  });

const review = (month: string, villageCode: string, stage: MonthlyReview['stage'], incomeFen: bigint): Sourced<MonthlyReview> =>
  sourced({ month, village_code: villageCode, collective_income_yuan: incomeFen, stage, note: undefined, provenance: 'official' });

const pairing = (villageCode: string, unit: string, enterprise?: string): Sourced<Pairing> =>
  sourced({ village_code: villageCode, unit_name: unit, enterprise_name: enterprise, since: undefined, provenance: undefined, note: undefined });

export function makeRecords(villages: Sourced<Village>[] = DEFAULT_VILLAGES): Records {
  return {
    edition: [sourced({ region_code: '150627', as_of: '2021-10-14', note: undefined })],
    divisions: [
      division('15', '内蒙古自治区'),
      division('150627', '伊金霍洛旗'),
      division('150627101', '札萨克镇', SEAT_A),
      division('150627102', '乌兰木伦镇', SEAT_B),
    ],
    villages,
    projects: [
      // Two small farming projects against one large herding one: the main sector follows the money.
      project('P1', '150627101201', 'farming', 100_000_00n),
      project('P2', '150627101201', 'farming', 200_000_00n),
      project('P3', '150627101201', 'herding', 2_600_000_00n, 'illustrative'),
      project('P4', '150627101212', 'commerce', 50_000_00n),
    ],
    funds: [fund('F1', '150627101201', 1_234_50n), fund('F2', '150627101201', 2_000_000_00n), fund('F3', '150627101212', 500_000_00n, 'official')],
    talent: [],
    pairings: [pairing('150627101201', '旗税务局', '电信公司'), pairing('150627102200', '旗气象局')],
    monthly: [
      review('2021-09', '150627101201', 'operating', 81_000_00n),
      review('2021-07', '150627101201', 'construction', 12_000_00n),
      review('2021-08', '150627101212', 'preliminary', 0n),
      review('2021-09', '150627101212', 'construction', 5_000_00n),
    ],
    reported: [],
  };
}

export const DEFAULT_VILLAGES = [
  village('150627101201', '甲村', SEAT_A, 'town-seat'),
  village('150627101202', '乙村', SEAT_A, 'town-seat'),
  village('150627101203', '丙村', SEAT_A, 'town-seat'),
  village('150627101204', '丁村', SEAT_A, 'town-seat'),
  village('150627101205', '戊村', SEAT_A, 'town-seat'),
  village('150627101212', '给勒登庙嘎查', SURVEYED, 'surveyed'),
  village('150627102200', '<img src=x onerror=alert(1)>村', SEAT_B, 'town-seat'),
];

export function mapVillages(records = makeRecords(), spreadMetres = 2000) {
  return buildMapVillages(records, buildPlaceTree(records), { locale: 'zh-CN', spreadMetres });
}
export const byCode = (villages: MapVillage[], code: string): MapVillage => {
  const found = villages.find((v) => v.code === code);
  if (found === undefined) throw new Error(`no village ${code}`);
  return found;
};
