import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadDataDir } from '../../src/load/readDataDir.ts';
import { readTable } from '../../src/read/readTable.ts';
import { RECORD_KEYS, TABLES, fundsTable } from '../../src/read/tables.ts';

const encode = (text: string) => new TextEncoder().encode(text);

describe('readTable', () => {
  it('yields records that satisfy the full schema of their table (coercion and schema agree)', () => {
    const { records } = loadDataDir(join(import.meta.dirname, '..', 'fixtures', 'region'));
    for (const table of TABLES) {
      const rows = records[RECORD_KEYS[table.file as keyof typeof RECORD_KEYS]];
      expect(rows.length, table.file).toBeGreaterThan(0);
      for (const { row, ...record } of rows as { row: number }[]) {
        const parsed = table.schema.safeParse(record);
        expect(parsed.success, `${table.file} row ${row}`).toBe(true);
      }
    }
  });

  it('keeps the spreadsheet row of every record, so figures trace back to rows', () => {
    const header = 'fund_id,date,village_code,project_id,source_kind,source_name,amount_yuan\n';
    const read = readTable(fundsTable, encode(`${header}F1,2021-01-01,150627101225,,其他,x,1\n\nF2,2021-01-02,150627101225,,其他,y,2\n`));
    expect(read.records.map((r) => [r.fund_id, r.row])).toEqual([
      ['F1', 2],
      ['F2', 4],
    ]);
    expect(read.blankRows).toEqual([3]);
  });

  it('reports each bad cell of a row, not only the first', () => {
    const header = 'fund_id,date,village_code,project_id,source_kind,source_name,amount_yuan\n';
    const read = readTable(fundsTable, encode(`${header}F 1,2021-13-01,150627101225,,其他,x,-1\n`));
    expect(read.problems.map((p) => `${p.columnLetter}${p.row} ${p.rule}`)).toEqual(['A2 type', 'B2 type', 'G2 range']);
    expect(read.records).toEqual([]);
  });

  it('checks coordinates against the allowed range', () => {
    const villages = TABLES.find((t) => t.file === 'villages.csv')!;
    const read = readTable(villages, encode('village_code,name,kind,lon_wgs84,lat_wgs84,location_precision\n150627101225,高勒庙村,村,190,39.2,实测点位\n'));
    expect(read.problems.map((p) => `${p.columnLetter}${p.row} ${p.rule}`)).toEqual(['D2 range']);
  });
});
