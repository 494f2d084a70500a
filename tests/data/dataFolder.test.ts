/**
 * data/ validates and its generated files are up to date: run `npm run data:describe` after changing
 * tables.ts or the data. A county that replaces data/ keeps these tests: they hold for any data folder
 * (DATA_DIR, data/ by default), of any region (tests/unit/anyRegionData.test.ts runs them on 乌审旗's).
 * A folder without a README.md or templates/ (one init-region has just made) has none to be stale;
 * the default dataset's checks (defaultData.test.ts) require both.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describeColumns, spliceGenerated } from '../../src/publish/describeColumns.ts';
import { describePackage, type DataPackage } from '../../src/publish/describePackage.ts';
import { packageOptions } from '../../src/publish/packageOptions.ts';
import { DATA_DIR, loadDataDir } from '../../src/load/readDataDir.ts';
import { isError } from '../../src/read/problem.ts';
import { TABLES } from '../../src/read/tables.ts';
import { lookUpTerm } from '../../src/model/vocabulary.ts';

const DATA = DATA_DIR;
const { records, report } = loadDataDir(DATA);
const committed = JSON.parse(readFileSync(join(DATA, 'datapackage.json'), 'utf8')) as DataPackage;

describe('data/', () => {
  it('passes the validator with no errors, so npm run build publishes it', () => {
    expect(report.problems.filter(isError)).toEqual([]);
    expect(report.ok).toBe(true);
  });
});

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
      const resource = committed.resources.find((r) => r.path === table.file);
      for (const field of resource?.schema.fields ?? []) {
        const vocabulary = (table.columns as Record<string, { meta: { vocabulary?: object } }>)[field.name]?.meta.vocabulary;
        for (const value of field.constraints.enum ?? []) {
          expect(lookUpTerm(vocabulary as never, value), `${table.file} ${field.name} ${value}`).toBeDefined();
        }
      }
    }
  });
});

describe('data/README.md', () => {
  it.runIf(existsSync(join(DATA, 'README.md')))('has the generated data dictionary up to date', () => {
    const readme = readFileSync(join(DATA, 'README.md'), 'utf8');
    expect(spliceGenerated(readme, describeColumns())).toBe(readme);
  });
});

describe('data/templates/', () => {
  it.runIf(existsSync(join(DATA, 'templates')))('holds the templates npm run data:templates makes from the tables today (run it after changing tables.ts)', async () => {
    const { csvTemplate, templateOf } = await import('../../src/publish/templates.ts');
    const { xlsxTemplate } = await import('../../scripts/lib/xlsxTemplate.ts');
    for (const table of TABLES) {
      const template = templateOf(table);
      expect(readFileSync(join(DATA, 'templates', `${template.stem}.csv`), 'utf8'), `${template.stem}.csv`).toBe(csvTemplate(template));
      expect(new Uint8Array(readFileSync(join(DATA, 'templates', `${template.stem}.xlsx`))), `${template.stem}.xlsx`).toEqual(await xlsxTemplate(template));
    }
  }, 60_000); // exceljs takes seconds to load on a busy machine
});
