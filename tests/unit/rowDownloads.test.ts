/**
 * The downloads behind every chart, table and fact of a page (src/derive/rowSets.ts,
 * src/publish/figureDownload.ts): each holds exactly the rows behind what it is shown with, worked out
 * here from the fixture region's files themselves, not from the site's summaries; the charts add up
 * to their rows; every panel of every page links only to files the build publishes; and a formula in
 * a text cell is neutralised in the CSV and in the JSON.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { loadDataset } from '../../src/read/loadDataset.ts';
import { buildSite, type Site } from '../../src/derive/buildSite.ts';
import { resolveTileConfig } from '../../src/config/tileConfig.ts';
import { downloadSizes, rowFiles, rowsDownload, rowSetDownload } from '../../src/publish/figureDownload.ts';
import { rowSet, rowSets } from '../../src/derive/rowSets.ts';
import { citedCharts, type Citable } from '../../src/derive/views/figureCite.ts';
import { buildPlaceView } from '../../src/derive/views/placeView.ts';
import { buildFundsView, buildMonthlyView, buildPairingsView, buildProjectsView, buildTalentView } from '../../src/derive/views/topicViews.ts';
import { buildHomeView } from '../../src/derive/views/homeView.ts';
import { buildVillagesView } from '../../src/derive/views/villagesView.ts';
import { isWithin } from '../../src/model/divisionCode.ts';

const REGION = join(import.meta.dirname, '..', 'fixtures', 'region');
const EDITION = '2021-11-30-test';

function siteWith(change: (name: string, text: string) => string = (_n, t) => t): Site {
  const names = readdirSync(REGION).filter((name) => name.endsWith('.csv'));
  const files = new Map(names.map((name) => [name, new TextEncoder().encode(change(name, readFileSync(join(REGION, name), 'utf8')))]));
  const { records, report } = loadDataset(files);
  expect(report.ok).toBe(true);
  return buildSite({ records, report, edition: EDITION, tiles: resolveTileConfig({}), outline: undefined });
}

type Cells = Record<string, string>;
const parse = (csv: string) => Papa.parse<Cells>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
/** A file of the fixture as the staff wrote it, each row with its spreadsheet row number. */
const raw = (name: string): Cells[] => parse(readFileSync(join(REGION, name), 'utf8')).map((cells, index) => ({ ...cells, row: String(index + 2) }));

const site = siteWith();
const about = { edition: EDITION, asOf: site.asOf };
const region = site.region.code;
const town = site.places.find((p) => p.level === 'town' && raw('talent.csv').some((r) => r.place_code === p.code))!.code;
const village = site.villages.find((v) => raw('projects.csv').filter((r) => r.village_code === v.code).length > 1)!.code;

/** The spreadsheet row numbers a cite's download of the given file holds, read back from its CSV and its JSON. */
function downloadedRows(cite: Citable, file: string): { csv: Cells[]; json: Cells[] } {
  const rows = cite.rows.find((r) => r.file === file);
  if (rows === undefined) throw new Error(`${cite.id} has no rows of ${file}`);
  const { csv, json } = rowsDownload(cite, rows, about);
  const parsed = JSON.parse(json) as { rows_of: Record<string, unknown>; rows: Cells[] };
  expect(parsed.rows_of).toMatchObject({ edition: EDITION, as_of: site.asOf, file });
  return { csv: parse(csv), json: parsed.rows };
}

/** The latest count of each kind of talent at each place, as the data dictionary defines it: the row with the latest as_of. */
function latestTalent() {
  const latest = new Map<string, Cells>();
  for (const row of raw('talent.csv')) {
    const key = `${row.place_code} ${row.kind}`;
    if (!latest.has(key) || row.as_of! > latest.get(key)!.as_of!) latest.set(key, row);
  }
  return [...latest.values()];
}

const keys = (rows: Cells[], column: string) => rows.map((r) => r[column]).sort();

describe('the rows behind a chart', () => {
  it('the funds of a place: every fund row of a village within it, in the CSV and the JSON', () => {
    for (const code of [region, town, village]) {
      const chart = citedCharts(site, code)['funds-by-source']!;
      const expected = raw('funds.csv')
        .filter((r) => isWithin(r.village_code!, code))
        .map((r) => r.fund_id!);
      const { csv, json } = downloadedRows(chart.cite, 'funds.csv');
      expect(keys(csv, 'fund_id'), code).toEqual(expected.sort());
      expect(keys(json, 'fund_id'), code).toEqual(expected.sort());
      // And the chart adds up exactly those amounts.
      const sum = chart.values.reduce((total, row) => total + (row[0] as bigint), 0n);
      expect(sum, code).toBe(csv.reduce((total, r) => total + BigInt(Math.round(Number(r.amount_yuan) * 100)), 0n));
    }
  });

  it('the talent of a town’s villages: its latest counts below the town, not the town’s own rows', () => {
    const chart = citedCharts(site, town)['talent-by-child']!;
    const expected = latestTalent().filter((r) => isWithin(r.place_code!, town) && r.place_code !== town);
    expect(expected.length).toBeGreaterThan(0);
    const { csv, json } = downloadedRows(chart.cite, 'talent.csv');
    const id = (r: Cells) => `${r.place_code} ${r.kind} ${r.as_of}`;
    expect(csv.map(id).sort()).toEqual(expected.map(id).sort());
    expect(json.map(id).sort()).toEqual(expected.map(id).sort());
    const people = chart.values.flat().reduce((total: number, n) => total + Number(n), 0);
    expect(people).toBe(expected.reduce((total, r) => total + Number(r.count), 0));
    // The town's own talent is in the talent-by-kind chart's rows, so the two charts do not share a download.
    expect(citedCharts(site, town)['talent-by-kind']!.cite.rows[0]!.path).not.toBe(chart.cite.rows[0]!.path);
  });

  it('every chart of every place adds up to as many rows or as much as its download holds', () => {
    for (const { code } of site.places) {
      for (const chart of Object.values(citedCharts(site, code))) {
        const rows = chart.cite.rows[0]!.records;
        const total = chart.values.flat().reduce((sum: bigint, v) => sum + (typeof v === 'bigint' ? v : BigInt(Math.round(v * 100))), 0n);
        const expected: Record<string, (r: Record<string, unknown>) => bigint> = {
          'funds-by-child': (r) => r.amount_yuan as bigint,
          'funds-by-source': (r) => r.amount_yuan as bigint,
          // Each month's amount and the running total: not one sum of the rows.
          'projects-by-sector': () => 100n,
          'projects-by-stage': () => 100n,
          'talent-by-kind': (r) => BigInt(r.count as number) * 100n,
          'talent-by-child': (r) => BigInt(r.count as number) * 100n,
          'income-by-month': (r) => r.collective_income_yuan as bigint,
          'stages-by-month': () => 100n,
        };
        const add = expected[chart.id];
        if (add === undefined) continue;
        expect(total, `${code} ${chart.id}`).toBe(rows.reduce((sum: bigint, r) => sum + add(r), 0n));
      }
    }
  });
});

describe('the rows behind a table', () => {
  it('the monthly review’s table: every village, and the reviews of the latest two months', () => {
    const view = buildMonthlyView(site);
    const months = [...new Set(raw('monthly.csv').map((r) => r.month!))].sort().slice(-2);
    const expected = raw('monthly.csv').filter((r) => months.includes(r.month!));
    const { csv, json } = downloadedRows(view.table, 'monthly.csv');
    const id = (r: Cells) => `${r.month} ${r.village_code}`;
    expect(csv.map(id).sort()).toEqual(expected.map(id).sort());
    expect(json.map(id).sort()).toEqual(expected.map(id).sort());
    expect(keys(downloadedRows(view.table, 'villages.csv').csv, 'village_code')).toEqual(keys(raw('villages.csv'), 'village_code'));
  });

  it('a village’s projects table: the village’s own projects', () => {
    const cite = buildPlaceView(site, village, 'zh-CN').cites.projects!;
    const expected = raw('projects.csv').filter((r) => r.village_code === village);
    expect(keys(downloadedRows(cite, 'projects.csv').csv, 'project_id')).toEqual(keys(expected, 'project_id'));
    expect(cite.anchor).toBe('projects');
  });
});

describe('the rows behind a fact', () => {
  it('a village’s key figures: its projects, funds, latest talent and reviews, and nothing of its neighbours', () => {
    const cite = buildPlaceView(site, village, 'en').cites.figures;
    expect(keys(downloadedRows(cite, 'projects.csv').csv, 'project_id')).toEqual(
      keys(
        raw('projects.csv').filter((r) => r.village_code === village),
        'project_id',
      ),
    );
    expect(keys(downloadedRows(cite, 'funds.csv').json, 'fund_id')).toEqual(
      keys(
        raw('funds.csv').filter((r) => r.village_code === village),
        'fund_id',
      ),
    );
    expect(keys(downloadedRows(cite, 'monthly.csv').csv, 'month')).toEqual(
      keys(
        raw('monthly.csv').filter((r) => r.village_code === village),
        'month',
      ),
    );
  });

  it('a town’s villages with a paired enterprise, and the funds of paired enterprises', () => {
    const figures = buildPairingsView(site).figures;
    const paired = figures.find((f) => f.key === 'villagesWithEnterprise')!;
    const expected = raw('pairings.csv').filter((r) => r.enterprise_name !== '');
    expect(keys(downloadedRows(paired.cite, 'pairings.csv').csv, 'village_code')).toEqual(keys(expected, 'village_code'));
    expect(paired.value).toEqual({ kind: 'count', count: expected.length });
    const funds = buildFundsView(site).figures.find((f) => f.key === 'enterpriseFunds')!;
    const enterprise = raw('funds.csv').filter((r) => r.source_kind === '包联企业');
    expect(keys(downloadedRows(funds.cite, 'funds.csv').csv, 'fund_id')).toEqual(keys(enterprise, 'fund_id'));
    expect(funds.cite.anchor).toBe('fact-enterpriseFunds');
  });

  it('totals name the place’s reported figures drawn from the same rows, with their status', () => {
    const funds = citedCharts(site, region)['funds-by-source']!.cite;
    expect(funds.checks.map((c) => c.label.en)).toContain(site.report.reconciliation.find((r) => r.key === 'funds_yuan' && r.scopeCode === region)!.label.en);
    expect(citedCharts(site, town)['funds-by-source']!.cite.checks).toEqual([]);
  });
});

describe('the rows behind a reported-versus-computed chart', () => {
  const reportedKeys = (cite: Citable | undefined) => {
    if (cite === undefined) throw new Error('no panel');
    const { csv, json } = downloadedRows(cite, 'reported.csv');
    expect(json.map((r) => r.key)).toEqual(csv.map((r) => r.key));
    return csv.map((r) => `${r.key} ${r.scope_code}`).sort();
  };
  const expected = (keys?: readonly string[]) =>
    raw('reported.csv')
      .filter((r) => r.scope_code === region && (keys === undefined || keys.includes(r.key!)))
      .map((r) => `${r.key} ${r.scope_code}`)
      .sort();

  it('on the home page: every figure reported about the region, one row each, as the chart draws them', () => {
    const home = buildHomeView(site, 'zh-CN');
    expect(reportedKeys(home.comparison)).toEqual(expected());
    expect(home.reported.length).toBe(expected().length);
  });

  it('on the talent and pairings pages: only the figures about talent, or about paired units and enterprises', () => {
    const talent = ['commissioners', 'resident_cadres', 'local_talents', 'graduates', 'returnees', 'veterans', 'talent_fund_per_town_yuan'];
    const talentView = buildTalentView(site);
    expect(reportedKeys(talentView.comparison)).toEqual(expected(talent));
    expect(talentView.reported.map((r) => `${r.key} ${r.scopeCode}`).sort()).toEqual(expected(talent));
    expect(reportedKeys(buildPairingsView(site).comparison)).toEqual(expected(['paired_units', 'paired_enterprises']));
  });

  it('on a place’s page: the place’s own reported figures, and no panel where it has none or on a village’s page', () => {
    const reportingVillage = site.villages.find((v) => raw('reported.csv').some((r) => r.scope_code === v.code));
    expect(reportingVillage).toBeDefined();
    expect(buildPlaceView(site, reportingVillage!.code, 'zh-CN').cites.reported).toBeUndefined();
    expect(reportedKeys(buildPlaceView(site, region, 'zh-CN').cites.reported)).toEqual(expected());
    expect(buildPlaceView(site, town, 'zh-CN').cites.reported).toBe(raw('reported.csv').some((r) => r.scope_code === town) ? expect.anything() : undefined);
  });
});

describe('the published rows', () => {
  const published = rowFiles({ ...site, release: undefined });

  it('holds every download a panel of any page links to, and nothing empty', () => {
    const cites: Citable[] = [];
    const home = buildHomeView(site, 'zh-CN');
    cites.push(home.comparison, ...Object.values(home.charts).map((c) => c.cite), ...home.pillars.flatMap((p) => p.extra.map((f) => f.cite)));
    // Each topic page as it is, and as a region past the village list's limit shows it (the full table a download).
    const topics = [buildProjectsView, buildFundsView, buildTalentView, buildPairingsView, buildMonthlyView];
    for (const view of [...topics.map((build) => build(site)), ...topics.map((build) => build(site, 0))]) {
      cites.push(view.table, ...view.figures.map((f) => f.cite), ...Object.values(view.charts).map((c) => c.cite));
      if (view.comparison !== undefined) cites.push(view.comparison);
    }
    cites.push(...buildVillagesView(site).groups.map((g) => g.cite));
    cites.push(buildVillagesView(site, 0).cite!);
    for (const { code } of site.places) {
      const view = buildPlaceView(site, code, 'zh-CN');
      cites.push(...Object.values(view.charts).map((c) => c.cite), ...Object.values(view.cites).filter((c): c is Citable => c !== undefined));
    }
    const linked = cites.flatMap((cite) => cite.rows.filter((rows) => rows.records.length > 0).map((rows) => rows.path));
    expect(linked.length).toBeGreaterThan(site.places.length);
    for (const path of new Set(linked)) {
      expect(published.has(`${path.replace('/data/rows/', '')}.csv`), path).toBe(true);
      expect(published.has(`${path.replace('/data/rows/', '')}.json`), path).toBe(true);
    }
    for (const [name, write] of published) if (name.endsWith('.csv')) expect(parse(write()).length, name).toBeGreaterThan(0);
  });

  it('shares one file between a part and its whole file when they hold the same rows', () => {
    for (const { code } of site.places.filter((p) => p.level !== 'village')) {
      const below = rowSet(site, code, 'talent-below');
      const all = rowSet(site, code, 'talent.csv');
      expect(below.path === all.path, code).toBe(below.records.length === all.records.length);
    }
    expect(new Set(rowSets(site).map((s) => s.path)).size).toBe(rowSets(site).length);
  });

  it('names its metadata: title, place, units, source, licences, edition, as-of and notes', () => {
    const json = JSON.parse(published.get(`${village}/funds.json`)!()) as { rows_of: Record<string, unknown>; columns: string[] };
    expect(json.rows_of).toMatchObject({
      id: `${village}-funds`,
      place: { code: village },
      file: 'funds.csv',
      part: null,
      units: { amount_yuan: { zh: '元', en: 'yuan' } },
      edition: EDITION,
      as_of: site.asOf,
      source: { file: 'funds.csv' },
    });
    expect((json.rows_of.title as { zh: string }).zh).toContain(site.place(village).name);
    expect(json.rows_of.licenses).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'CC0-1.0' })]));
    expect(json.rows_of.notes).toHaveProperty('en');
    expect(json.columns[0]).toBe('fund_id');
  });
});

describe('a formula in a text cell', () => {
  it('is neutralised in a place’s rows, in the CSV and in the JSON', () => {
    const first = raw('funds.csv')[0]!;
    const hostile = siteWith((name, text) => {
      if (name !== 'funds.csv') return text;
      const lines = text.split('\n');
      // The first fund's note (the last column), written as Excel would quote it.
      lines[1] = `${lines[1]!.replace(/,[^,]*$/, '')},"=HYPERLINK(""http://x"",""y"")"`;
      return lines.join('\n');
    });
    const set = rowSet(hostile, first.village_code!, 'funds.csv');
    const { csv, json } = rowSetDownload(set, hostile.records, about);
    expect(parse(csv).find((r) => r.fund_id === first.fund_id)!.note).toBe('\'=HYPERLINK("http://x","y")');
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    const row = (JSON.parse(json) as { rows: Cells[] }).rows.find((r) => r.fund_id === first.fund_id)!;
    expect(row.note).toBe('\'=HYPERLINK("http://x","y")');
    // The same through a chart's panel, as the page shows its size.
    const chart = citedCharts(hostile, first.village_code!)['funds-by-source']!;
    expect(rowsDownload(chart.cite, chart.cite.rows[0]!, about).csv).toBe(csv);
    // The sizes the panel shows are those of the files, in UTF-8 bytes (not characters: the rows hold Chinese).
    const sizes = downloadSizes(chart.cite, chart.cite.rows[0]!, about);
    expect(sizes).toEqual({ csv: Buffer.byteLength(csv), json: Buffer.byteLength(json) });
    expect(sizes.csv).toBeGreaterThan(csv.length);
  });
});
