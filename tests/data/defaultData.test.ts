/**
 * 默认数据 · The default dataset's own checks: the data in data/ as this repository ships it (伊金霍洛旗,
 * Ejin Horo Banner, 150627), whose illustrative rows agree with every figure the article reports.
 *
 * They run when data/ (DATA_DIR) is the default region's, whatever else it holds: the region code in
 * edition.csv alone decides, so default data that is broken (an edition missing, a file changed)
 * fails here instead of being taken for another region's. A county that replaces data/ with its own
 * skips them, with a note; the generic checks of any data folder are dataFolder.test.ts and
 * datasetZip.test.ts, and the tool's own tests (tests/unit, tests/browser) never read data/.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { TABLES } from '../../src/read/tables.ts';
import { templateOf } from '../../src/publish/templates.ts';
import { townOf } from '../../src/model/divisionCode.ts';
import { loadDataset } from '../../src/read/loadDataset.ts';
import { DATA_DIR } from '../../src/load/readDataDir.ts';
import { checkEdition, listEditions } from '../../src/load/editions.ts';
import { reviewMonths } from '../../scripts/generateSample.ts';
import { monthsToAdd } from '../../scripts/generateReview.ts';

const DATA = DATA_DIR;
const DEFAULT_REGION = '150627';
const GAOLEMIAO = '150627101225';

type Row = Record<string, string>;

/** A file's rows; none for a file that is not there (the generic checks report it). */
function readRows(file: string, dir = DATA): Row[] {
  if (!existsSync(join(dir, file))) return [];
  const text = readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data;
}

const edition = readRows('edition.csv');
const regionCode = edition[0]?.region_code;
const isDefaultData = regionCode === DEFAULT_REGION;
if (!isDefaultData) {
  console.info(
    `跳过默认数据（${DEFAULT_REGION} 伊金霍洛旗）的检查：${DATA} 是 ${regionCode ?? '未知'} 地区的数据 · ` +
      `Skipped the default dataset's checks (${DEFAULT_REGION} Ejin Horo Banner): ${DATA} holds region ${regionCode ?? 'unknown'}`,
  );
}
const asOf = edition[0]?.as_of ?? '';
const divisions = readRows('divisions.csv');
const villages = readRows('villages.csv');
const projects = readRows('projects.csv');
const funds = readRows('funds.csv');
const talent = readRows('talent.csv');
const pairings = readRows('pairings.csv');
const monthly = readRows('monthly.csv');
const reported = readRows('reported.csv');

const yuan = (text: string | undefined): bigint => BigInt(text ?? 'NaN');
const sumYuan = (rows: Row[], column: string): bigint => rows.reduce((sum, row) => sum + yuan(row[column]), 0n);
const countOf = (kind: string): number =>
  talent.filter((t) => t.kind === kind).reduce((sum, t) => sum + Number(t.count), 0);
const reportedValue = (key: string, scope = DEFAULT_REGION): bigint =>
  yuan(reported.find((r) => r.key === key && r.scope_code === scope)?.value);

describe.runIf(isDefaultData)('默认数据 · the default dataset (150627 伊金霍洛旗 Ejin Horo Banner)', () => {
  describe('the committed data files', () => {
    it.each(TABLES.map((t) => [t.file, Object.keys(t.columns)] as const))(
      '%s is UTF-8 with a BOM, LF line endings, a final newline and the canonical header',
      (file, keys) => {
        const bytes = readFileSync(join(DATA, file));
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const text = bytes.toString('utf8');
        expect(text).not.toContain('\r');
        expect(text.endsWith('\n')).toBe(true);
        expect(text.slice(1, text.indexOf('\n'))).toBe(keys.join(','));
      },
    );

    it('pass the validator with no errors or warnings, every reported figure matching or at least met', () => {
      const files = new Map(
        readdirSync(DATA)
          .filter((name) => name.endsWith('.csv'))
          .map((name) => [name, new Uint8Array(readFileSync(join(DATA, name)))]),
      );
      const { report } = loadDataset(files);
      expect(report.problems).toEqual([]);
      const statuses = Object.fromEntries(report.reconciliation.map((r) => [`${r.key}@${r.scopeCode}`, r.status]));
      expect(Object.values(statuses).filter((s) => s === 'differs')).toEqual([]);
      expect(statuses['local_talents@150627']).toBe('at-least');
      expect(statuses['funds_yuan@150627']).toBe('matches');
    });
  });

  describe('divisions and villages', () => {
    it('lists the region, its ancestors and the 7 towns that hold villages, not the two development zones', () => {
      const codes = divisions.map((d) => d.code);
      expect(codes.slice(0, 3)).toEqual(['15', '1506', '150627']);
      expect(codes.filter((c) => c?.length === 9)).toHaveLength(7);
      expect(codes).not.toContain('150627400');
      expect(codes).not.toContain('150627407');
      expect(divisions.find((d) => d.code === '150627')?.name_en).toBe('Ejin Horo Banner');
    });

    it('holds the article\'s 138 嘎查村, none of them a community or named with a committee suffix', () => {
      expect(villages).toHaveLength(138);
      expect(new Set(villages.map((v) => v.village_code)).size).toBe(138);
      for (const v of villages) {
        expect(v.name).not.toMatch(/社区|委员会|委会/);
        expect(v.kind === '嘎查').toBe(/嘎查村?$/.test(v.name ?? ''));
      }
      expect(villages.find((v) => v.village_code === GAOLEMIAO)?.name).toBe('高勒庙村');
    });

    it('places 10 villages at surveyed points and the rest at their own town seat', () => {
      const seats = new Map(divisions.map((d) => [d.code, `${d.seat_lon_wgs84},${d.seat_lat_wgs84}`]));
      expect(villages.filter((v) => v.location_precision === '实测点位')).toHaveLength(10);
      for (const v of villages.filter((v) => v.location_precision === '镇政府驻地')) {
        expect(`${v.lon_wgs84},${v.lat_wgs84}`).toBe(seats.get(townOf(v.village_code!)));
      }
    });
  });

  describe('the sample reconciles with the article', () => {
    it('has exactly 254 projects, at least one in every village', () => {
      expect(projects).toHaveLength(254);
      expect(reportedValue('projects')).toBe(254n);
      expect(new Set(projects.map((p) => p.project_id)).size).toBe(254);
      expect(new Set(projects.map((p) => p.village_code)).size).toBe(villages.length);
    });

    it('keeps P0001 as the article\'s 高勒庙村 service park: 2600万 investment, 80万 income, 前期手续, official', () => {
      const p1 = projects.find((p) => p.project_id === 'P0001');
      expect(p1).toMatchObject({
        village_code: GAOLEMIAO, name: '汽车三产服务园区', sector: '商', investment_yuan: '26000000',
        expected_annual_net_income_yuan: '800000', stage: '前期手续', provenance: '官方',
      });
      expect(projects.filter((p) => p.provenance === '官方')).toHaveLength(1);
    });

    it("scopes the park's two reported figures to the park itself (P0001), not to its village", () => {
      const park = reported.filter((r) => r.scope_code === GAOLEMIAO);
      expect(park.map((r) => [r.key, r.project_id])).toEqual([
        ['projects_investment_yuan', 'P0001'],
        ['projects_expected_annual_net_income_yuan', 'P0001'],
      ]);
    });

    it('adds funds up to exactly 370,000,000 yuan, the reported 3.7亿元', () => {
      expect(sumYuan(funds, 'amount_yuan')).toBe(370_000_000n);
      expect(reportedValue('funds_yuan')).toBe(370_000_000n);
    });

    it('ties funds only to projects of the same village and never beyond a project\'s investment', () => {
      const byId = new Map(projects.map((p) => [p.project_id, p]));
      for (const f of funds.filter((f) => f.project_id)) expect(byId.get(f.project_id)?.village_code).toBe(f.village_code);
      for (const p of projects) {
        const tied = sumYuan(funds.filter((f) => f.project_id === p.project_id), 'amount_yuan');
        expect(tied <= yuan(p.investment_yuan), p.project_id).toBe(true);
      }
      const p1 = funds.filter((f) => f.project_id === 'P0001');
      expect(sumYuan(p1, 'amount_yuan') >= 26_000_000n).toBe(true);
      expect(p1.map((f) => f.source_name)).toEqual(expect.arrayContaining(['国家税务总局伊金霍洛旗税务局', '中国电信伊金霍洛旗分公司']));
    });

    it('takes paired money only from the village\'s own unit or enterprise, and only once they were paired', () => {
      const pairingOf = new Map(pairings.map((p) => [p.village_code, p]));
      for (const f of funds) {
        const p = pairingOf.get(f.village_code)!;
        if (f.source_kind === '包联单位') expect(f.source_name, f.fund_id).toBe(p.unit_name);
        if (f.source_kind === '包联企业') expect(f.source_name, f.fund_id).toBe(p.enterprise_name);
        if ((f.source_kind === '包联单位' || f.source_kind === '包联企业') && p.since) expect(f.date! >= p.since, f.fund_id).toBe(true);
      }
    });

    it('shows a village as operating or suspended in the monthly review only if one of its projects is', () => {
      const stagesOf = (code: string | undefined) => new Set(projects.filter((p) => p.village_code === code).map((p) => p.stage));
      for (const m of monthly) {
        if (m.stage === '运营' || m.stage === '暂停') expect(stagesOf(m.village_code).has(m.stage), `${m.village_code} ${m.month}`).toBe(true);
      }
      const last = monthly.filter((m) => m.village_code === GAOLEMIAO).sort((a, b) => b.month!.localeCompare(a.month!))[0];
      expect(last?.stage).toBe('前期手续');
    });

    it('gives each village 3 to 6 fund rows', () => {
      for (const v of villages) {
        const n = funds.filter((f) => f.village_code === v.village_code).length;
        expect(n, v.village_code).toBeGreaterThanOrEqual(3);
        expect(n, v.village_code).toBeLessThanOrEqual(6);
      }
    });

    it('pairs all 138 villages with exactly 130 units and at least 100 enterprises', () => {
      expect(pairings.map((p) => p.village_code).sort()).toEqual(villages.map((v) => v.village_code).sort());
      expect(new Set(pairings.map((p) => p.unit_name)).size).toBe(130);
      expect(new Set(pairings.filter((p) => p.enterprise_name).map((p) => p.enterprise_name)).size).toBeGreaterThanOrEqual(100);
      expect(pairings.find((p) => p.village_code === GAOLEMIAO)).toMatchObject({
        unit_name: '国家税务总局伊金霍洛旗税务局', enterprise_name: '中国电信伊金霍洛旗分公司', provenance: '官方',
      });
    });

    it('counts exactly 93 commissioners, 162 resident cadres and at least 800 local talents', () => {
      expect(countOf('科技特派员')).toBe(93);
      expect(countOf('驻村干部')).toBe(162);
      expect(countOf('本土人才')).toBeGreaterThanOrEqual(800);
      for (const v of villages) {
        const cadres = talent.find((t) => t.place_code === v.village_code && t.kind === '驻村干部');
        expect(Number(cadres?.count), v.village_code).toBeGreaterThanOrEqual(1);
      }
    });

    it('reviews every village in the 12 months before the article, then in each whole month up to the as-of date', () => {
      // The sample's year before the article's edition, then what npm run data:review added since.
      const sampled = reviewMonths(listEditions(join(DATA, 'editions'))[0]!.asOf);
      const expected = [...sampled, ...monthsToAdd(sampled.at(-1)!, asOf)];
      const months = [...new Set(monthly.map((m) => m.month))].sort();
      expect(months).toEqual(expected);
      expect(monthly).toHaveLength(138 * expected.length);
      expect(new Set(monthly.map((m) => `${m.month}|${m.village_code}`)).size).toBe(138 * expected.length);
    });

    it('never lets year-to-date income fall within a year', () => {
      for (const v of villages) {
        const rows = monthly.filter((m) => m.village_code === v.village_code).sort((a, b) => a.month!.localeCompare(b.month!));
        rows.slice(1).forEach((row, i) => {
          const before = rows[i]!;
          if (row.month!.slice(0, 4) === before.month!.slice(0, 4)) {
            expect(yuan(row.collective_income_yuan) >= yuan(before.collective_income_yuan), `${v.village_code} ${row.month}`).toBe(true);
          }
        });
      }
    });

    it('refers only to villages in villages.csv and towns in divisions.csv', () => {
      const villageCodes = new Set(villages.map((v) => v.village_code));
      const divisionCodes = new Set(divisions.map((d) => d.code));
      for (const rows of [projects, funds, pairings, monthly]) for (const r of rows) expect(villageCodes.has(r.village_code)).toBe(true);
      for (const t of talent) expect(villageCodes.has(t.place_code) || divisionCodes.has(t.place_code), t.place_code).toBe(true);
      for (const r of reported) expect(villageCodes.has(r.scope_code) || divisionCodes.has(r.scope_code), r.scope_code).toBe(true);
    });

    it('has no date after the edition\'s as-of date', () => {
      expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const dates = [
        ...projects.map((p) => p.start_date),
        ...funds.map((f) => f.date),
        ...pairings.map((p) => p.since).filter((d) => d),
        ...talent.map((t) => t.as_of),
        ...reported.flatMap((r) => [r.as_of, r.source_date]),
      ];
      for (const date of dates) expect(date! <= asOf, date).toBe(true);
      for (const m of monthly) expect(m.month! <= asOf.slice(0, 7), m.month).toBe(true);
    });

    it('cites the article for every reported figure, leaving the unknown URL empty', () => {
      for (const r of reported) {
        expect(r.source_date).toBe('2021-10-14');
        expect(r.source_url).toBe('');
        expect(r.quote).toMatch(/\d/);
      }
      expect(reported.map((r) => r.key)).toEqual(
        expect.arrayContaining(['villages', 'commissioners', 'resident_cadres', 'projects', 'funds_yuan', 'local_talents',
          'talent_fund_per_town_yuan', 'paired_units', 'paired_enterprises', 'area_km2']),
      );
    });
  });

  it('ships the data dictionary in README.md and a template of every table, which dataFolder.test.ts keeps current', () => {
    expect(existsSync(join(DATA, 'README.md'))).toBe(true);
    for (const table of TABLES) {
      const { stem } = templateOf(table);
      expect(existsSync(join(DATA, 'templates', `${stem}.csv`)), `templates/${stem}.csv`).toBe(true);
      expect(existsSync(join(DATA, 'templates', `${stem}.xlsx`)), `templates/${stem}.xlsx`).toBe(true);
    }
  });

  describe('the scripts reproduce data/', () => {
    // tests/unit/sampleData.test.ts checks that initRegion and generateSample write the region
    // fixture byte for byte; the same bytes here mean they write data/ too, without running them twice.
    it.each(TABLES.map((t) => t.file))('%s is the same as in tests/fixtures/region', (file) => {
      const fixture = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'region', file));
      expect(readFileSync(join(DATA, file)).equals(fixture), file).toBe(true);
    });
  });

  describe('the released editions of the default data', () => {
    const editionsDir = join(DATA, 'editions');
    const editions = listEditions(editionsDir);

    it('start with the article’s edition of 2021-10-14', () => {
      expect(editions[0]).toMatchObject({ asOf: '2021-10-14', regionCode: '150627' });
    });

    it.each(editions.map((e) => [e.id, e] as const))('%s: every frozen file still has the sha256 its manifest records', (_id, manifest) => {
      expect(checkEdition(manifest, editionsDir)).toEqual([]);
    });
  });
});
