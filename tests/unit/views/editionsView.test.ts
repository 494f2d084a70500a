import { describe, expect, test } from 'vitest';
import { buildChangelogView, buildEditionPageView, buildEditionsView, changelogPath, type EditionHistory } from '../../../src/derive/views/editionsView.ts';
import type { EditionManifest } from '../../../src/model/editionManifest.ts';
import { smallSite } from './siteFixture.ts';

const site = smallSite();
const manifest = (id: string, asOf: string): EditionManifest => ({
  format: 1,
  id,
  asOf,
  released: asOf,
  regionCode: '150627',
  note: { zh: `${id} 说明`, en: `${id} note` },
  files: {},
});
const history: EditionHistory = [
  { manifest: manifest('e1', '2021-10-14'), previous: undefined, changes: undefined },
  {
    manifest: manifest('e2', '2021-11-30'),
    previous: 'e1',
    changes: {
      files: [
        {
          file: 'funds.csv',
          added: ['F9', 'F10'],
          removed: [],
          changed: [{ key: 'F1', row: 2, changes: [{ column: 'amount_yuan', before: '1', after: '2' }] }],
        },
        { file: 'talent.csv', added: [], removed: ['x'], changed: [] },
      ],
      figures: [],
    },
  },
];

describe('buildEditionsView', () => {
  test('lists the editions newest first, the latest named, each with the size of its change and its changelog', () => {
    const view = buildEditionsView(site, history);
    expect(view.latest).toBe('e2');
    expect(view.editions.map((e) => e.id)).toEqual(['e2', 'e1']);
    expect(view.editions[0]).toMatchObject({
      counts: { added: 2, removed: 1, changed: 1, figures: 0 },
      changelogPath: '/editions/e2/changes/',
      previous: 'e1',
    });
    expect(view.editions[1]!.counts).toBeUndefined();
  });

  test('is empty, with no latest, before the first release', () => {
    expect(buildEditionsView(site, [])).toMatchObject({ editions: [], latest: undefined });
  });
});

describe('buildChangelogView', () => {
  test("gives one edition's changes, and nothing for an edition that does not exist", () => {
    expect(buildChangelogView(site, history, 'e2')?.changes?.files[0]?.added).toEqual(['F9', 'F10']);
    expect(buildChangelogView(site, history, 'e1')?.changes).toBeUndefined();
    expect(buildChangelogView(site, history, 'nope')).toBeUndefined();
    expect(changelogPath('e1')).toBe('/editions/e1/changes/');
  });
});

describe('buildEditionPageView', () => {
  test('names the latest edition on an older one (the banner), and none on the latest', () => {
    expect(buildEditionPageView(site, history, 'e1', [])?.latest).toBe('e2');
    expect(buildEditionPageView(site, history, 'e2', [])?.latest).toBeUndefined();
    expect(buildEditionPageView(site, history, 'nope', [])).toBeUndefined();
  });

  test("puts the edition's own id and as-of date in the page's footer, and lists its files with their links", () => {
    const withFiles: EditionHistory = [
      { ...history[0]!, manifest: { ...history[0]!.manifest, files: { 'funds.csv': { sha256: 'ab', bytes: 3 } } } },
      history[1]!,
    ];
    const view = buildEditionPageView(site, withFiles, 'e1', [])!;
    expect(view.frame).toMatchObject({ edition: 'e1', asOf: '2021-10-14' });
    expect(view.files).toEqual([{ name: 'funds.csv', sha256: 'ab', bytes: 3, path: '/editions/e1/data/funds.csv' }]);
  });

  test("lists the edition's zip after its files, under the edition", () => {
    const view = buildEditionPageView(site, history, 'e1', [], { name: '150627-e1.zip', sha256: 'cd', bytes: 9 })!;
    expect(view.files.at(-1)).toEqual({ name: '150627-e1.zip', sha256: 'cd', bytes: 9, path: '/editions/e1/data/150627-e1.zip' });
  });
});
