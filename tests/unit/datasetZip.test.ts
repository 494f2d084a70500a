/**
 * The whole dataset as one zip: exactly an edition's frozen files and a README, byte for byte, the
 * same bytes at every call, in every time zone; a preview of unreleased data says so and offers no
 * citation. The archives are read back with tests/support/readZip.ts, not with the library that wrote them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readZip } from '../support/readZip.ts';
import { zipFiles } from '../../src/publish/zipFiles.ts';
import { listEditions } from '../../src/load/editions.ts';
import { datasetDownload, datasetZipNameOf, datasetZipOf, editionDatasetZip } from '../../src/load/datasetZip.ts';
import { MANIFEST_FILE } from '../../src/model/editionManifest.ts';
import { buildSite } from '../../src/derive/buildSite.ts';
import { loadDataset } from '../../src/read/loadDataset.ts';
import { resolveTileConfig } from '../../src/config/tileConfig.ts';
import { TABLES } from '../../src/read/tables.ts';
import type { EditionStanding } from '../../src/derive/views/pageFrame.ts';

const REGION = join(import.meta.dirname, '..', 'fixtures', 'region');
const EDITIONS = join(REGION, 'editions');
const SMALL = join(import.meta.dirname, '..', 'fixtures', 'small');
const SITE_URL = 'https://example.org/';
const editions = listEditions(EDITIONS);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

/** The archive made in each of these time zones (Node reads TZ again when it is set). */
function inTimeZones<T>(zones: readonly string[], make: () => T): T[] {
  return zones.map((zone) => {
    process.env.TZ = zone;
    return make();
  });
}

// Kiribati is 14 hours ahead of UTC, Baker Island 12 behind; Santiago changes its clocks at midnight.
const ZONES = ['UTC', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Etc/GMT+12', 'America/Santiago'];

function smallSite(standing: EditionStanding) {
  const files = new Map(TABLES.map((table) => [table.file, new Uint8Array(readFileSync(join(SMALL, table.file)))]));
  const { records, report } = loadDataset(files);
  return buildSite({ records, report, edition: '2021-10-14-0000test', tiles: resolveTileConfig({}), outline: undefined, standing });
}

describe('zipFiles', () => {
  const entries = [
    { name: 'd/README.md', bytes: new TextEncoder().encode('说明 readme\n') },
    { name: 'd/a.csv', bytes: new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a]) },
  ];

  it('stores the entries in the order given, byte for byte, each stamped 12:00 on the day', () => {
    const read = readZip(zipFiles(entries, '2026-12-03'));
    expect(read.map((e) => e.name)).toEqual(['d/README.md', 'd/a.csv']);
    read.forEach((entry, i) => expect(Buffer.from(entry.bytes).equals(Buffer.from(entries[i]!.bytes))).toBe(true));
    expect(new Set(read.map((e) => e.stamp))).toEqual(new Set(['2026-12-03 12:00:00']));
  });

  it('gives the same bytes in every time zone, and different bytes on another day', () => {
    const zips = inTimeZones(ZONES, () => Buffer.from(zipFiles(entries, '2021-10-14')));
    for (const zip of zips) expect(zip.equals(zips[0]!)).toBe(true);
    expect(Buffer.from(zipFiles(entries, '2021-10-15')).equals(zips[0]!)).toBe(false);
  });

  it('refuses a name given twice, a name fflate would reorder, and paths that leave the folder', () => {
    for (const name of ['d/a.csv', '12', '/etc/passwd', 'd/../x']) {
      expect(() => zipFiles([...entries, { name, bytes: new Uint8Array() }], '2021-10-14'), name).toThrow();
    }
  });
});

describe("a released edition's zip", () => {
  it.each(editions.map((e) => [e.id, e] as const))('%s holds exactly its frozen files and a README, byte for byte', (id, manifest) => {
    const zip = editionDatasetZip(manifest, SITE_URL, EDITIONS);
    const folder = `${manifest.regionCode}-${id}`;
    expect(zip.name).toBe(`${folder}.zip`);
    const read = readZip(zip.bytes);
    const names = [...Object.keys(manifest.files), MANIFEST_FILE];
    expect(read.map((e) => e.name)).toEqual([`${folder}/README.md`, ...names.map((name) => `${folder}/${name}`)]);
    for (const [i, name] of names.entries()) {
      expect(Buffer.from(read[i + 1]!.bytes).equals(readFileSync(join(EDITIONS, id, name))), name).toBe(true);
    }
    expect(new Set(read.map((e) => e.stamp))).toEqual(new Set([`${manifest.released} 12:00:00`]));
    expect(zip.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is byte-identical when made again from scratch, in another time zone', async () => {
    const manifest = editions[0]!;
    const first = Buffer.from(editionDatasetZip(manifest, SITE_URL, EDITIONS).bytes);
    vi.resetModules();
    // A fresh copy of the module keeps nothing from the first: the archive is made again.
    const fresh = await import('../../src/load/datasetZip.ts');
    expect(fresh.editionDatasetZip).not.toBe(editionDatasetZip);
    const [again] = inTimeZones(['Pacific/Kiritimati'], () => Buffer.from(fresh.editionDatasetZip(manifest, SITE_URL, EDITIONS).bytes));
    expect(again!.equals(first)).toBe(true);
  });

  it('has a README that says, in Chinese then English, what and where the data is, its edition, dates, licences and citations', () => {
    const manifest = editions.at(-1)!;
    const readme = text(readZip(editionDatasetZip(manifest, SITE_URL, EDITIONS).bytes)[0]!.bytes);
    const url = `${SITE_URL}editions/${manifest.id}/`;
    expect(readme.indexOf('## 中文')).toBeGreaterThan(0);
    expect(readme.indexOf('## English')).toBeGreaterThan(readme.indexOf('## 中文'));
    for (const expected of [
      manifest.id,
      '内蒙古自治区鄂尔多斯市伊金霍洛旗',
      'Ejin Horo Banner, Ordos, Inner Mongolia Autonomous Region',
      '统计用区划代码 150627',
      '数据截止2021年11月30日',
      'with data as of 30 Nov 2021',
      '本版发布于2026年12月6日',
      manifest.note.zh,
      manifest.note.en,
      'https://creativecommons.org/publicdomain/zero/1.0/',
      'https://creativecommons.org/licenses/by/4.0/',
      'Vonng/adcode',
      `伊金霍洛旗乡村振兴进展数据：数据版本 ${manifest.id}[EB/OL]. (${manifest.released})[引用日期]. ${url}.`,
      `Rural revitalization progress data: Ejin Horo Banner (Version ${manifest.id}) [Data set]. (2026). ${url}`,
    ]) {
      expect(readme, expected).toContain(expected);
    }
    expect(readme).not.toContain('预览');
  });

  it("counts each file's illustrative rows as its frozen CSV marks them (示意)", () => {
    const manifest = editions.at(-1)!;
    const readme = text(readZip(editionDatasetZip(manifest, SITE_URL, EDITIONS).bytes)[0]!.bytes);
    for (const table of TABLES) {
      const csv = readFileSync(join(EDITIONS, manifest.id, table.file), 'utf8').replace(/^\uFEFF/, '');
      const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
      const illustrative = rows.filter((row) => row.provenance === '示意').length;
      const line = readme.split('\n').find((l) => l.startsWith(`- \`${table.file}\`（`));
      expect(line, table.file).toContain(`其中官方 ${(rows.length - illustrative).toLocaleString('en')} 行、示意 ${illustrative.toLocaleString('en')} 行`);
    }
  });
});

describe("a released edition's README", () => {
  it('states the title and licences it was released under, from its frozen datapackage.json, whatever the tool says now', () => {
    const manifest = editions[0]!;
    const dir = mkdtempSync(join(tmpdir(), 'dataset-zip-'));
    try {
      cpSync(join(EDITIONS, manifest.id), join(dir, manifest.id), { recursive: true });
      const file = join(dir, manifest.id, 'datapackage.json');
      writeFileSync(
        file,
        readFileSync(file, 'utf8')
          .replaceAll('"CC0 1.0 Universal"', '"CC0 1.0 Universal, as released"')
          .replace('伊金霍洛旗乡村振兴进展数据 / ', '伊金霍洛旗数据（发布时） / '),
      );
      const readme = text(readZip(editionDatasetZip(manifest, SITE_URL, dir).bytes)[0]!.bytes);
      expect(readme).toContain('- **CC0-1.0** (CC0 1.0 Universal, as released) https://creativecommons.org/publicdomain/zero/1.0/');
      expect(readme).toContain(`伊金霍洛旗数据（发布时）：数据版本 ${manifest.id}[EB/OL]`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the zip a Site offers', () => {
  it('is the latest edition’s, the same bytes, when the live data is released', () => {
    const latest = editions.at(-1)!;
    const site = smallSite({ kind: 'released' });
    expect(datasetZipNameOf(site, EDITIONS)).toBe(`150627-${latest.id}.zip`);
    expect(Buffer.from(datasetZipOf(site, SITE_URL, EDITIONS).bytes).equals(Buffer.from(editionDatasetZip(latest, SITE_URL, EDITIONS).bytes))).toBe(true);
    expect(datasetDownload(site, SITE_URL, EDITIONS)).toMatchObject({ path: `/data/150627-${latest.id}.zip`, day: latest.released, preview: false });
  });

  it("is a frozen edition's own, under the edition, on the edition's pages", () => {
    const first = editions[0]!;
    const site = { ...smallSite({ kind: 'frozen', latest: undefined, livePath: (p: string) => p }), edition: first.id };
    const download = datasetDownload(site, SITE_URL, EDITIONS);
    expect(download).toMatchObject({ name: `150627-${first.id}.zip`, path: `/editions/${first.id}/data/150627-${first.id}.zip`, preview: false });
    expect(download.sha256).toBe(editionDatasetZip(first, SITE_URL, EDITIONS).sha256);
    expect(download.bytes).toBe(editionDatasetZip(first, SITE_URL, EDITIONS).bytes.length);
  });

  it('is a preview of unreleased data: the files a release would freeze, no manifest, no citation, stamped with the as-of date', () => {
    const site = smallSite({ kind: 'unreleased', last: undefined });
    const zip = datasetZipOf(site, SITE_URL, EDITIONS);
    expect(zip).toMatchObject({ name: '150627-2021-10-14-0000test.zip', preview: true, day: '2021-10-14' });
    const read = readZip(zip.bytes);
    const folder = '150627-2021-10-14-0000test';
    expect(read.map((e) => e.name)).toEqual([
      `${folder}/README.md`,
      ...TABLES.map((t) => `${folder}/${t.file}`),
      `${folder}/datapackage.json`,
      `${folder}/figures.json`,
    ]);
    expect(new Set(read.map((e) => e.stamp))).toEqual(new Set(['2021-10-14 12:00:00']));
    const readme = text(read[0]!.bytes);
    expect(readme).toContain('这是尚未发布的数据的预览');
    expect(readme).toContain('do not cite it');
    expect(readme).not.toContain('[EB/OL]');
    expect(readme).toContain(`${SITE_URL}data/`);
  });
});
