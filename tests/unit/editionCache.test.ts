/**
 * npm run build renders an old edition's pages once and copies them into later builds while nothing
 * they depend on changes: a release renders the new edition and the one it replaces, not every
 * edition; the cached banners name the newest edition; a change of the tool renders all again.
 * The site builder here is a stand-in that writes one page per edition it is asked to render.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publish } from '../../scripts/lib/publish.ts';
import { release } from '../../scripts/lib/release.ts';
import { toolFingerprint } from '../../scripts/lib/editionCache.ts';
import { EDITION_PAGES_VARIABLE, editionsToRender, listEditions } from '../../src/load/editions.ts';
import { fillLatestEdition } from '../../src/publish/latestEdition.ts';

const SMALL = join(import.meta.dirname, '..', 'fixtures', 'small');
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setUp() {
  const root = mkdtempSync(join(tmpdir(), 'edition-cache-'));
  made.push(root);
  const dataDir = join(root, 'data');
  cpSync(SMALL, dataDir, { recursive: true });
  const editionsDir = join(dataDir, 'editions');
  const rendered: string[][] = [];
  /** Writes, for each edition the build is asked for, a page naming the latest edition as the banner does. */
  const buildSite = (outDir: string): Promise<void> => {
    const ids = editionsToRender(editionsDir).map((e) => e.id);
    rendered.push(ids);
    const latest = listEditions(editionsDir).at(-1)?.id ?? '';
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'index.html'), 'live');
    for (const id of ids) {
      for (const folder of [join(outDir, 'editions', id), join(outDir, 'en', 'editions', id)]) {
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, 'index.html'), `<p>${id}: latest <code class="edition-id" data-latest-edition>${latest}</code></p>`);
      }
    }
    return Promise.resolve();
  };
  let asOf = 14;
  const releaseNext = () => {
    const edition = readFileSync(join(dataDir, 'edition.csv'), 'utf8');
    const next = edition.replace(/2021-1\d-\d\d/, `2021-11-${String(asOf++).padStart(2, '0')}`);
    writeFileSync(join(dataDir, 'edition.csv'), next);
    const funds = readFileSync(join(dataDir, 'funds.csv'), 'utf8');
    writeFileSync(
      join(dataDir, 'funds.csv'),
      funds.replace(/(F1,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,)(\d+)/, (_all, head: string, amount: string) => `${head}${Number(amount) + 1}`),
    );
    const outcome = release({ dataDir, editionsDir, note: { zh: '新版', en: 'New' }, today: '2021-12-31', warn: () => {} });
    if (!outcome.released) throw new Error(`not released: ${outcome.reason.en}`);
    return outcome.manifest.id;
  };
  const cacheDir = join(root, 'cache');
  const build = (fingerprint = 'tool-1') =>
    publish({
      dataDir,
      distDir: join(root, 'dist'),
      buildSite,
      log: () => {},
      warn: () => {},
      today: '2021-12-31',
      editionCache: { dir: cacheDir, fingerprint },
    });
  const page = (id: string, locale = '') => readFileSync(join(root, 'dist', locale, 'editions', id, 'index.html'), 'utf8');
  return { dataDir, rendered, releaseNext, build, page, cacheDir };
}

describe('the cache of old editions’ pages', () => {
  it('renders each edition once, then only the new edition and the one it replaces at each release', async () => {
    const { rendered, releaseNext, build, page, cacheDir } = setUp();
    const e1 = releaseNext();
    await build();
    await build();
    expect(rendered).toEqual([[e1], []]);
    expect(page(e1)).toContain(`${e1}: latest`);

    const e2 = releaseNext();
    await build();
    expect(rendered.at(-1)!.sort()).toEqual([e1, e2].sort());
    await build();
    expect(rendered.at(-1)).toEqual([]);

    const e3 = releaseNext();
    await build();
    expect(rendered.at(-1)!.sort()).toEqual([e2, e3].sort());
    // e1's page comes from the cache, rendered when e2 was the latest; its banner names e3.
    for (const locale of ['', 'en']) expect(page(e1, locale)).toContain(`data-latest-edition>${e3}</code>`);
    expect(readdirSync(cacheDir).sort()).toHaveLength(3);

    // A change to the tool renders every edition again and drops the pages of the old tool.
    await build('tool-2');
    expect(rendered.at(-1)!.sort()).toEqual([e1, e2, e3].sort());
    expect(readdirSync(cacheDir)).toHaveLength(3);
    expect(process.env[EDITION_PAGES_VARIABLE]).toBeUndefined();
  });

  it('keeps old pages when the live data changes a village’s name, and renders them again when the region is renamed', async () => {
    const { dataDir, rendered, releaseNext, build } = setUp();
    const [e1, e2] = [releaseNext(), releaseNext()];
    await build();
    const edit = (file: string, from: string, to: string) => writeFileSync(join(dataDir, file), readFileSync(join(dataDir, file), 'utf8').replace(from, to));
    edit('villages.csv', '乌兰木伦村', '乌兰木伦嘎查');
    await build();
    expect(rendered.at(-1)).toEqual([]);
    // Every page's frame names the region: its pages are rendered again with the new name.
    edit('divisions.csv', 'Ejin Horo Banner', 'Ejin Horo');
    await build();
    expect(rendered.at(-1)!.sort()).toEqual([e1, e2].sort());
  });
});

describe('toolFingerprint', () => {
  it('changes with any file of the tool and with the page settings, and not otherwise', () => {
    const root = mkdtempSync(join(tmpdir(), 'fingerprint-'));
    made.push(root);
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src', 'a.ts'), 'one');
    const first = toolFingerprint(root, {});
    expect(toolFingerprint(root, {})).toBe(first);
    writeFileSync(join(root, 'src', 'a.ts'), 'two');
    expect(toolFingerprint(root, {})).not.toBe(first);
    expect(toolFingerprint(root, { SITE_URL: 'https://example.org' })).not.toBe(toolFingerprint(root, {}));
  });

  it("changes with the data folder's region.json, whose tiles every page draws", () => {
    const root = mkdtempSync(join(tmpdir(), 'fingerprint-'));
    made.push(root);
    const data = join(root, 'county-data');
    mkdirSync(data);
    const without = toolFingerprint(root, { DATA_DIR: data });
    writeFileSync(join(data, 'region.json'), '{"tiles":"none"}');
    const none = toolFingerprint(root, { DATA_DIR: data });
    writeFileSync(join(data, 'region.json'), '{"tiles":"osm"}');
    expect(new Set([without, none, toolFingerprint(root, { DATA_DIR: data })]).size).toBe(3);
  });
});

describe('fillLatestEdition', () => {
  it('names the latest edition in every banner slot and changes nothing else', () => {
    const html = '<code class="edition-id">e1</code><p>最新版本是 <code class="edition-id" data-latest-edition>e2</code>。</p>';
    expect(fillLatestEdition(html, 'e3')).toBe('<code class="edition-id">e1</code><p>最新版本是 <code class="edition-id" data-latest-edition>e3</code>。</p>');
  });
});
