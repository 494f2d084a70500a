/** Sites built from plain records for the view-model tests: the small fixture, or records made in code. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, type Site } from '../../../src/derive/buildSite.ts';
import { resolveTileConfig } from '../../../src/config/tileConfig.ts';
import { loadDataset, type Report } from '../../../src/read/loadDataset.ts';
import type { Reconciliation } from '../../../src/read/reconcile.ts';
import type { Records } from '../../../src/read/tables.ts';

const SMALL = join(import.meta.dirname, '..', '..', 'fixtures', 'small');

/** tests/fixtures/small: two towns, three villages, five reported figures. */
export function smallSite(): Site {
  const files = new Map(readdirSync(SMALL).map((name) => [name, new Uint8Array(readFileSync(join(SMALL, name)))]));
  const { records, report } = loadDataset(files);
  return buildSite({ records, report, edition: '2021-10-14-test', tiles: resolveTileConfig({}), outline: undefined });
}

/** A site from records made in code, with the given reconciliation rows as its report's. */
export function siteOf(records: Records, reconciliation: Reconciliation[] = []): Site {
  const report = { reconciliation } as unknown as Report;
  return buildSite({ records, report, edition: 'e', tiles: resolveTileConfig({}), outline: undefined });
}
