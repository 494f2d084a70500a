/**
 * The default data's released editions as zips: the sha256 each had when first published, so a change
 * to the tool (the README's words, the zip writer, the way a frozen file is read) that would change a
 * released edition's archive fails here instead of quietly changing a checksum someone has cited.
 * A county's own editions are checked for the same bytes from two separate makings; a folder with
 * no edition yet passes with one skipped test.
 */
import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { DATA_DIR } from '../../src/load/readDataDir.ts';
import { listEditions } from '../../src/load/editions.ts';
import { editionDatasetZip } from '../../src/load/datasetZip.ts';

const EDITIONS = join(DATA_DIR, 'editions');
// The site the sums were taken with: astro.config.mjs's `site` when SITE_URL is not set.
const SITE = 'http://localhost:4321';
const PUBLISHED: Record<string, string> = {
  '2021-10-14-e0662d8d': '5d7594f327c8939f96d70618c36daaed55ef86638ae69af2434289a0df5c0122',
  '2021-11-30-d69b0e0b': '3f996750900b35e36562e7da92974c52dd5262235cdebf58b5e9dd9098366d22',
};

const editions = listEditions(EDITIONS);

// A region just started has released nothing yet: one skipped test says so (describe.each over no
// edition would leave the file without a test, which vitest counts as a failure).
if (editions.length === 0) it.skip('no released edition yet, so no zip to reproduce (npm run release makes one)', () => {});

describe.each(editions.map((e) => [e.id, e] as const))('the zip of edition %s', (id, manifest) => {
  it.runIf(PUBLISHED[id] !== undefined)('has the sha256 it was first published with', () => {
    expect(editionDatasetZip(manifest, SITE, EDITIONS).sha256).toBe(PUBLISHED[id]);
  });

  it('has the same bytes when made again from scratch', async () => {
    const first = editionDatasetZip(manifest, SITE, EDITIONS).sha256;
    vi.resetModules();
    const fresh = await import('../../src/load/datasetZip.ts');
    expect(fresh.editionDatasetZip(manifest, SITE, EDITIONS).sha256).toBe(first);
  });
});
