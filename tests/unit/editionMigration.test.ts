/**
 * An old edition still renders after the tool's layout changes: its frozen copy is read through a
 * recorded migration, in memory, its files stay byte for byte and its figures value for value; and a
 * change of the tool that would move a released figure is caught (movedSinceRelease, which the build
 * runs for every edition).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { release } from '../../scripts/lib/release.ts';
import { listEditions, loadEdition } from '../../src/load/editions.ts';
import { readEditionFigures } from '../../src/load/editionHistory.ts';
import { migrateEdition, type EditionMigration } from '../../src/read/migrateEdition.ts';
import { movedSinceRelease } from '../../src/derive/compareEditions.ts';
import { EDITION_FORMAT, MANIFEST_FILE, type EditionManifest } from '../../src/model/editionManifest.ts';

const SMALL = join(import.meta.dirname, '..', 'fixtures', 'small');
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data folder with one released edition, and that edition's manifest and folder. */
function released(): { editions: string; manifest: EditionManifest; folder: string } {
  const dir = mkdtempSync(join(tmpdir(), 'migration-'));
  made.push(dir);
  cpSync(SMALL, dir, { recursive: true });
  const editions = join(dir, 'editions');
  const outcome = release({ dataDir: dir, editionsDir: editions, note: { zh: '第一版', en: 'First' }, today: '2021-12-01', warn: () => {} });
  if (!outcome.released) throw new Error('not released');
  return { editions, manifest: outcome.manifest, folder: join(editions, outcome.manifest.id) };
}

const bytesOf = (folder: string) => new Map(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name))]));
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const encode = (value: string) => new TextEncoder().encode(value);

/**
 * An older layout, as a past version of the tool would have frozen it: funds in `fund.csv` with the
 * amount column named `amount`. The migration is what the tool would record when it renamed them.
 */
const RENAME: EditionMigration = {
  from: EDITION_FORMAT - 1,
  note: { zh: 'fund.csv 改名为 funds.csv，amount 列改名为 amount_yuan', en: 'fund.csv renamed funds.csv, its column amount renamed amount_yuan' },
  migrate: (files) => {
    const migrated = new Map(files);
    const funds = migrated.get('fund.csv');
    migrated.delete('fund.csv');
    if (funds !== undefined) migrated.set('funds.csv', encode(text(funds).replace(',amount,', ',amount_yuan,')));
    return migrated;
  },
};

function makeOlderLayout(folder: string): EditionManifest {
  const manifest = JSON.parse(readFileSync(join(folder, MANIFEST_FILE), 'utf8')) as EditionManifest;
  const funds = readFileSync(join(folder, 'funds.csv'), 'utf8');
  rmSync(join(folder, 'funds.csv'));
  writeFileSync(join(folder, 'fund.csv'), funds.replace(',amount_yuan,', ',amount,'));
  const { ['funds.csv']: entry, ...others } = manifest.files;
  const older: EditionManifest = { ...manifest, format: EDITION_FORMAT - 1, files: { ...others, 'fund.csv': entry! } };
  writeFileSync(join(folder, MANIFEST_FILE), `${JSON.stringify(older, null, 2)}\n`);
  return older;
}

describe('an edition frozen in an older layout', () => {
  it('reads through its recorded migration with the figures it released, its files untouched', () => {
    const { editions, folder } = released();
    const older = makeOlderLayout(folder);
    const before = bytesOf(folder);
    expect(before.get('fund.csv')!.toString('utf8')).toMatch(/,amount,/);

    const loaded = loadEdition(older, editions, [RENAME]);
    expect(loaded.report.ok).toBe(true);
    expect(movedSinceRelease(readEditionFigures(older.id, editions), loaded.report.reconciliation)).toEqual([]);
    const after = bytesOf(folder);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), name).toBe(true);
  });

  it('does not read without its migration: the build is told which step is missing, in both languages', () => {
    const { editions, folder } = released();
    const older = makeOlderLayout(folder);
    expect(() => loadEdition(older, editions, [])).toThrow(/缺少从版本格式 0 到 1 的迁移.*No migration from edition format 0 to 1/s);
  });

  it('refuses an edition newer than the tool', () => {
    expect(() => migrateEdition(new Map(), EDITION_FORMAT + 1)).toThrow(/请更新工具.*update the tool/s);
  });
});

describe('movedSinceRelease', () => {
  it('names a released figure that reading the frozen data again would change, and nothing when none moves', () => {
    const { editions, manifest } = released();
    const frozen = readEditionFigures(manifest.id, editions);
    const again = loadEdition(listEditions(editions)[0]!, editions).report.reconciliation;
    expect(movedSinceRelease(frozen, again)).toEqual([]);

    // As if a change to the tool added a yuan to the total of funds.
    const changed = again.map((figure) =>
      figure.key === 'funds_yuan' && figure.computed !== undefined ? { ...figure, computed: figure.computed + 100n } : figure,
    );
    const moved = movedSinceRelease(frozen, changed);
    expect(moved.map((m) => m.id)).toEqual([expect.stringMatching(/^funds_yuan/)]);
    expect(moved[0]!.difference).toBe(100n);

    // A figure the tool now computes that the edition never had is new, not moved.
    expect(movedSinceRelease(frozen.slice(1), again)).toEqual([]);
    // A released figure the tool no longer computes has moved.
    expect(movedSinceRelease(frozen, again.slice(1)).map((m) => m.id)).toHaveLength(1);
  });
});
