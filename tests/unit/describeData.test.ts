import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describeColumns, spliceGenerated } from '../../src/publish/describeColumns.ts';
import { describePackage, provenanceOf } from '../../src/publish/describePackage.ts';
import { packageOptions } from '../../src/load/packageOptions.ts';
import { loadDataDir } from '../../src/load/readDataDir.ts';
import { TABLES } from '../../src/read/tables.ts';
import { lookUpTerm } from '../../src/model/vocabulary.ts';

const DATA = join(import.meta.dirname, '..', '..', 'data');
const { records } = loadDataDir(DATA);
const committed = JSON.parse(readFileSync(join(DATA, 'datapackage.json'), 'utf8'));

describe('data/datapackage.json', () => {
  it('is what npm run data:describe makes from the tables today (run it after changing tables.ts)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(describePackage(records, packageOptions(records)))));
  });

  it('lists, for every resource, exactly the columns of its committed CSV file in order', () => {
    for (const resource of committed.resources) {
      const text = readFileSync(join(DATA, resource.path), 'utf8').replace(/^\uFEFF/, '');
      const header = Papa.parse<string[]>(text, { preview: 1 }).data[0];
      expect(resource.schema.fields.map((f: { name: string }) => f.name), resource.path).toEqual(header);
    }
  });

  it('allows in each enum constraint only values the validator reads', () => {
    for (const table of TABLES) {
      const resource = committed.resources.find((r: { path: string }) => r.path === table.file);
      for (const field of resource.schema.fields) {
        const vocabulary = (table.columns as Record<string, { meta: { vocabulary?: object } }>)[field.name]?.meta.vocabulary;
        for (const value of field.constraints.enum ?? []) {
          expect(lookUpTerm(vocabulary as never, value), `${table.file} ${field.name} ${value}`).toBeDefined();
        }
      }
    }
  });

  it('gives each file its terms: CC BY 4.0 only where coordinates are, with their source', () => {
    const resource = (path: string) => committed.resources.find((r: { path: string }) => r.path === path);
    const licences = (path: string) => resource(path).licenses.map((l: { name: string }) => l.name);
    expect(licences('villages.csv')).toEqual(['CC0-1.0', 'CC-BY-4.0']);
    expect(licences('divisions.csv')).toEqual(['CC0-1.0', 'CC-BY-4.0']);
    for (const path of ['edition.csv', 'projects.csv', 'funds.csv', 'talent.csv', 'pairings.csv', 'monthly.csv', 'reported.csv']) {
      expect(licences(path), path).toEqual(['CC0-1.0']);
    }
    // The package as a whole holds both.
    expect(committed.licenses.map((l: { name: string }) => l.name)).toEqual(['CC0-1.0', 'CC-BY-4.0']);
    expect(resource('villages.csv').sources.map((s: { title: string }) => s.title).join(' ')).toContain('Vonng/adcode');
    expect(resource('reported.csv').sources.map((s: { publisher: string }) => s.publisher).join(' ')).toContain('人民网');
  });

  it('calls a file official only when every row in it is official', () => {
    const status = Object.fromEntries(committed.resources.map((r: { path: string; provenance: string }) => [r.path, r.provenance]));
    expect(status['reported.csv']).toBe('official');
    expect(status['villages.csv']).toBe('official');
    expect(status['funds.csv']).toBe('illustrative');
    // projects.csv holds one official project (高勒庙村) among illustrative ones.
    const projects = provenanceOf(records, TABLES.find((t) => t.file === 'projects.csv')!);
    expect(projects).toMatchObject({ provenance: 'illustrative', officialRows: 1 });
  });
});

describe('data/README.md', () => {
  it('has the generated data dictionary up to date', () => {
    const readme = readFileSync(join(DATA, 'README.md'), 'utf8');
    expect(spliceGenerated(readme, describeColumns())).toBe(readme);
  });

  it('shows every accepted Chinese header, e.g. 村名 and 金额（元）', () => {
    const dictionary = describeColumns();
    expect(dictionary).toContain('| `name` | 村名 |');
    expect(dictionary).toContain('| `amount_yuan` | 金额（元） |');
  });
});
