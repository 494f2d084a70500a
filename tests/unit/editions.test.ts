import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { release } from '../../scripts/lib/release.ts';
import { checkEdition, listEditions, loadEdition } from '../../src/load/editions.ts';
import { loadDataset } from '../../src/read/loadDataset.ts';
import { compareEditions, compareFigures, compareRecords } from '../../src/derive/compareEditions.ts';
import { comparisonToJson, formatComparison } from '../../src/derive/formatComparison.ts';
import { FIGURES_FILE } from '../../src/model/editionManifest.ts';

const SMALL = join(import.meta.dirname, '..', 'fixtures', 'small');
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'editions-'));
  made.push(dir);
  cpSync(SMALL, dir, { recursive: true });
  return dir;
}

const edit = (dir: string, file: string, change: (text: string) => string) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));

const releaseIn = (dir: string, zh: string, today = '2021-12-01') =>
  release({ dataDir: dir, editionsDir: join(dir, 'editions'), note: { zh, en: `${zh} (en)` }, today, warn: () => {} });

const snapshot = (dir: string, id: string) =>
  new Map(readdirSync(join(dir, 'editions', id)).map((name) => [name, readFileSync(join(dir, 'editions', id, name))]));

describe('npm run release', () => {
  it('freezes the data as an edition whose every file matches the sha256 its manifest records', () => {
    const dir = dataFolder();
    const outcome = releaseIn(dir, '第一版');
    expect(outcome.released).toBe(true);
    const [manifest] = listEditions(join(dir, 'editions'));
    expect(manifest).toMatchObject({ asOf: '2021-10-14', released: '2021-12-01', regionCode: '150627', note: { zh: '第一版', en: '第一版 (en)' } });
    expect(Object.keys(manifest!.files).sort()).toEqual(
      [
        'datapackage.json',
        'divisions.csv',
        'edition.csv',
        'figures.json',
        'funds.csv',
        'monthly.csv',
        'pairings.csv',
        'projects.csv',
        'reported.csv',
        'talent.csv',
        'villages.csv',
      ].sort(),
    );
    expect(checkEdition(manifest!, join(dir, 'editions'))).toEqual([]);
    // A changed byte is found.
    edit(join(dir, 'editions', manifest!.id), 'funds.csv', (t) => t.replace('2000', '2001'));
    expect(checkEdition(manifest!, join(dir, 'editions'))).toEqual(['funds.csv']);
  });

  it('refuses the same data twice, an as-of earlier than the last edition, and data with errors', () => {
    const dir = dataFolder();
    edit(dir, 'edition.csv', (t) => t.replace('2021-10-14', '2021-11-30'));
    expect(releaseIn(dir, '第一版').released).toBe(true);
    const again = releaseIn(dir, '再来');
    expect(again).toMatchObject({ released: false });
    expect(again.released ? '' : again.reason.en).toContain('same as the last edition');
    edit(dir, 'edition.csv', (t) => t.replace('2021-11-30', '2021-10-14'));
    edit(dir, 'funds.csv', (t) => t.replace('2000万', '2100万'));
    const earlier = releaseIn(dir, '更早');
    expect(earlier.released ? '' : earlier.reason.zh).toContain('早于上一版');
    edit(dir, 'edition.csv', (t) => t.replace('2021-10-14', '2021-12-01'));
    edit(dir, 'funds.csv', (t) => t.replace('2100万', '一百万'));
    expect(releaseIn(dir, '有错').released).toBe(false);
    expect(listEditions(join(dir, 'editions'))).toHaveLength(1);
  });

  it("leaves an old edition's files byte for byte and its figures value for value when a later one is released", () => {
    const dir = dataFolder();
    const first = releaseIn(dir, '第一版');
    if (!first.released) throw new Error('not released');
    const before = snapshot(dir, first.manifest.id);
    const figuresBefore = loadEdition(first.manifest, join(dir, 'editions')).report.reconciliation;

    edit(dir, 'edition.csv', (t) => t.replace('2021-10-14', '2021-11-30'));
    edit(dir, 'funds.csv', (t) => t.replace('2000万', '2100万'));
    const second = releaseIn(dir, '第二版');
    expect(second.released).toBe(true);
    expect(listEditions(join(dir, 'editions')).map((e) => e.id)).toEqual([first.manifest.id, second.released ? second.manifest.id : '']);

    const after = snapshot(dir, first.manifest.id);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), name).toBe(true);
    expect(loadEdition(first.manifest, join(dir, 'editions')).report.reconciliation).toEqual(figuresBefore);
    const frozen = JSON.parse(after.get(FIGURES_FILE)!.toString('utf8')) as { reconciliation: { key: string; computed: string }[] };
    expect(frozen.reconciliation.find((r) => r.key === 'funds_yuan')?.computed).toBe('30200000');
  });
});

describe('comparing two editions', () => {
  const load = (dir: string) => {
    const { records, report } = loadDataset(
      new Map(
        readdirSync(dir)
          .filter((n) => n.endsWith('.csv'))
          .map((n) => [n, new Uint8Array(readFileSync(join(dir, n)))]),
      ),
    );
    return { records, reconciliation: report.reconciliation };
  };

  it('lists rows added, removed and changed by primary key, with each changed column old → new', () => {
    const dir = dataFolder();
    const before = load(dir);
    edit(dir, 'funds.csv', (t) => t.replace('2000万', '2100万').replace(/^F4,.*\n/m, '') + 'F5,2021-09-01,150627102200,,村集体,乌兰木伦村集体,100000,示意,\n');
    const after = load(dir);
    const funds = compareRecords(before.records, after.records).find((f) => f.file === 'funds.csv');
    expect(funds).toEqual({
      file: 'funds.csv',
      added: ['F5'],
      removed: ['F4'],
      changed: [{ key: 'F1', row: 2, changes: [{ column: 'amount_yuan', before: '20000000', after: '21000000' }] }],
    });
    expect(
      compareRecords(before.records, after.records)
        .filter((f) => f.file !== 'funds.csv')
        .every((f) => f.added.length + f.removed.length + f.changed.length === 0),
    ).toBe(true);
  });

  it('lists every figure that moves, with the difference and its status before and after, and no other', () => {
    const dir = dataFolder();
    const before = load(dir);
    edit(dir, 'funds.csv', (t) => t.replace('2000万', '2100万'));
    const after = load(dir);
    const moves = compareFigures(before.reconciliation, after.reconciliation);
    expect(moves).toEqual([
      {
        id: 'funds_yuan-150627',
        label: { zh: '帮扶资金', en: 'assistance funds' },
        unit: '元',
        before: 3_020_000_000n,
        after: 3_120_000_000n,
        difference: 100_000_000n,
        statusBefore: 'matches',
        statusAfter: 'differs',
      },
    ]);
    const comparison = compareEditions(before, after);
    const text = formatComparison(comparison, 'e1', 'e2').split('\n');
    expect(text.slice(0, 3)).toEqual([
      'e1 → e2',
      'funds.csv 新增 0 行、删除 0 行、修改 1 行；变动的数字 1 个',
      'funds.csv: 0 added, 0 removed, 1 changed; 1 figure(s) moved',
    ]);
    expect(text).toContain('  帮扶资金 assistance funds: 30200000 → 31200000 元 (+1000000) · 一致 matches → 不一致 differs');
    const json = JSON.parse(comparisonToJson(comparison, 'e1', 'e2')) as { figures: { after: string }[]; files: unknown[] };
    expect(json.figures[0]!.after).toBe('31200000');
    expect(json.files).toHaveLength(9);
  });
});
