/**
 * The download behind a headline figure holds exactly the rows it was computed from (worked out here
 * from the files themselves, not from the reconciliation), formula-safe in CSV and JSON alike, with
 * the metadata a citation needs.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { loadDataset } from '../../src/read/loadDataset.ts';
import { buildSite } from '../../src/derive/buildSite.ts';
import { resolveTileConfig } from '../../src/config/tileConfig.ts';
import { buildFigureCite } from '../../src/derive/views/figureCite.ts';
import { figureDownload, figureFiles } from '../../src/publish/figureDownload.ts';
import { isWithin } from '../../src/model/divisionCode.ts';

const SMALL = join(import.meta.dirname, '..', 'fixtures', 'small');

function siteWith(change: (name: string, text: string) => string = (_n, t) => t) {
  const files = new Map(readdirSync(SMALL).map((name) => [name, new TextEncoder().encode(change(name, readFileSync(join(SMALL, name), 'utf8')))]));
  const { records, report } = loadDataset(files);
  const site = buildSite({ records, report, edition: '2021-10-14-test', tiles: resolveTileConfig({}), outline: undefined });
  return { site, files };
}

const parse = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

describe('the download behind a figure', () => {
  it('holds exactly the rows behind each figure, in the file’s own columns', () => {
    const { site } = siteWith();
    const raw = (name: string) => parse(readFileSync(join(SMALL, name), 'utf8'));
    // Worked out independently: the funds of the region are every fund row of a village within it.
    const expected: Record<string, string[]> = {
      'funds_yuan-150627': raw('funds.csv')
        .filter((r) => isWithin(r.village_code!, '150627'))
        .map((r) => r.fund_id!),
      'villages-150627': raw('villages.csv').map((r) => r.village_code!),
      'projects_investment_yuan-150627101225-P1': raw('projects.csv')
        .filter((r) => r.project_id === 'P1')
        .map((r) => r.project_id!),
      // A figure the data does not compute: its own row of reported.csv.
      'area_km2-150627': ['area_km2'],
    };
    const files = figureFiles(site);
    for (const [id, keys] of Object.entries(expected)) {
      const rows = parse(files.get(`${id}.csv`)!);
      const key = Object.keys(rows[0]!)[0]!;
      expect(
        rows.map((r) => r[key]),
        id,
      ).toEqual(keys);
      const json = JSON.parse(files.get(`${id}.json`)!) as { figure: Record<string, unknown>; rows: Record<string, string>[] };
      expect(
        json.rows.map((r) => r[key]),
        id,
      ).toEqual(keys);
      expect(json.figure).toMatchObject({ id, edition: '2021-10-14-test', as_of: '2021-10-14' });
      expect(json.figure.licenses).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'CC0-1.0' })]));
    }
  });

  it('neutralises a formula in a text cell, in the CSV and in the JSON', () => {
    const { site } = siteWith((name, text) => (name === 'funds.csv' ? text.replace('2000万,示意,', '2000万,示意,"=HYPERLINK(""http://x"",""y"")"') : text));
    const funds = site.report.reconciliation.find((r) => r.key === 'funds_yuan')!;
    const { csv, json } = figureDownload(buildFigureCite(site, funds), { edition: 'e', asOf: '2021-10-14' });
    const cell = parse(csv).find((r) => r.fund_id === 'F1')!.note!;
    expect(cell).toBe('\'=HYPERLINK("http://x","y")');
    const row = (JSON.parse(json) as { rows: Record<string, string>[] }).rows.find((r) => r.fund_id === 'F1')!;
    expect(row.note).toBe('\'=HYPERLINK("http://x","y")');
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
