/**
 * The released editions as the site shows them: each manifest, and what changed since the edition
 * before it, computed from the two frozen copies (never from data/ as it is now), so an edition's
 * changelog is the same however often the site is built.
 */
import { join } from 'node:path';
import { DATA_DIR } from './readDataDir.ts';
import { listEditions, readEditionData } from './editions.ts';
import { loadDataset } from '../read/loadDataset.ts';
import { compareEditions } from '../derive/compareEditions.ts';
import type { EditionHistory } from '../derive/views/editionsView.ts';

let cached: { dir: string; history: EditionHistory } | undefined;

export function readEditionHistory(dir: string = join(DATA_DIR, 'editions')): EditionHistory {
  if (cached?.dir === dir && !import.meta.env.DEV) return cached.history;
  const manifests = listEditions(dir);
  let previous: ReturnType<typeof loadDataset> | undefined;
  const history: EditionHistory = manifests.map((manifest, index) => {
    const loaded = loadDataset(readEditionData(manifest.id, dir));
    const entry = {
      manifest,
      previous: manifests[index - 1]?.id,
      changes:
        previous === undefined
          ? undefined
          : compareEditions(
              { records: previous.records, reconciliation: previous.report.reconciliation },
              { records: loaded.records, reconciliation: loaded.report.reconciliation },
            ),
    };
    previous = loaded;
    return entry;
  });
  cached = { dir, history };
  return history;
}
