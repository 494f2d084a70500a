import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { describeColumns } from '../../src/publish/describeColumns.ts';
import { describePackage } from '../../src/publish/describePackage.ts';
import { provenanceOf } from '../../src/derive/provenance.ts';
import { packageOptions } from '../../src/publish/packageOptions.ts';
import { loadDataDir } from '../../src/load/readDataDir.ts';
import { TABLES } from '../../src/read/tables.ts';

// The package as `npm run data:describe` makes it for the full-region fixture; data/'s own committed
// package is checked in tests/data.
const REGION = join(import.meta.dirname, '..', 'fixtures', 'region');
const { records } = loadDataDir(REGION);
const committed = describePackage(records, packageOptions(records));

describe('datapackage.json as described from the tables', () => {
  it('gives each file its terms: CC BY 4.0 only where coordinates are, with their source', () => {
    const resource = (path: string) => {
      const found = committed.resources.find((r) => r.path === path);
      if (found === undefined) throw new Error(`no resource ${path}`);
      return found;
    };
    const licences = (path: string) => (resource(path).licenses ?? []).map((l) => l.name);
    expect(licences('villages.csv')).toEqual(['CC0-1.0', 'CC-BY-4.0']);
    expect(licences('divisions.csv')).toEqual(['CC0-1.0', 'CC-BY-4.0']);
    for (const path of ['edition.csv', 'projects.csv', 'funds.csv', 'talent.csv', 'pairings.csv', 'monthly.csv', 'reported.csv']) {
      expect(licences(path), path).toEqual(['CC0-1.0']);
    }
    // The package as a whole holds both.
    expect(committed.licenses.map((l) => l.name)).toEqual(['CC0-1.0', 'CC-BY-4.0']);
    expect((resource('villages.csv').sources ?? []).map((s) => s.title).join(' ')).toContain('Vonng/adcode');
    expect((resource('reported.csv').sources ?? []).map((s) => s.publisher).join(' ')).toContain('人民网');
  });

  it('calls a file official only when every row in it is official', () => {
    const status = Object.fromEntries(committed.resources.map((r: { path: string; provenance: string }) => [r.path, r.provenance]));
    expect(status['reported.csv']).toBe('official');
    expect(status['villages.csv']).toBe('official');
    expect(status['funds.csv']).toBe('illustrative');
    // projects.csv holds one official project (高勒庙村) among illustrative ones.
    const projects = provenanceOf(
      records,
      TABLES.find((t) => t.file === 'projects.csv')!,
    );
    expect(projects).toMatchObject({ provenance: 'illustrative', officialRows: 1 });
  });
});

describe('the data dictionary', () => {
  it('shows every accepted Chinese header, e.g. 村名 and 金额（元）', () => {
    const dictionary = describeColumns();
    expect(dictionary).toContain('| `name` | 村名 |');
    expect(dictionary).toContain('| `amount_yuan` | 金额（元） |');
  });
});
