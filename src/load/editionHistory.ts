/**
 * The released editions as the site shows them: each manifest, and what changed since the edition
 * before it, computed from the two frozen copies (never from data/ as it is now), so an edition's
 * changelog is the same however often the site is built.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from './readDataDir.ts';
import { listEditions, loadEdition } from './editions.ts';
import type { LoadedDataset } from '../read/loadDataset.ts';
import { compareEditions } from '../derive/compareEditions.ts';
import type { EditionHistory, FrozenFigure } from '../derive/views/editionsView.ts';
import { FIGURES_FILE } from '../model/editionManifest.ts';
import { parseHundredthsText } from '../format/money.ts';

let cached: { dir: string; history: EditionHistory } | undefined;

export function readEditionHistory(dir: string = join(DATA_DIR, 'editions')): EditionHistory {
  if (cached?.dir === dir && !import.meta.env.DEV) return cached.history;
  const manifests = listEditions(dir);
  let previous: LoadedDataset | undefined;
  const history: EditionHistory = manifests.map((manifest, index) => {
    const loaded = loadEdition(manifest, dir);
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

/** What a frozen figures.json holds: the reconciled figures with exact decimals as text. */
type FrozenFigureText = Omit<FrozenFigure, 'reported' | 'computed'> & { reported: string; computed?: string };

/**
 * An edition's headline figures as it showed them, read from its frozen figures.json, never computed
 * again: a later version of the tool cannot change them.
 */
export function readEditionFigures(id: string, dir: string = join(DATA_DIR, 'editions')): FrozenFigure[] {
  const { reconciliation } = JSON.parse(readFileSync(join(dir, id, FIGURES_FILE), 'utf8')) as { reconciliation: FrozenFigureText[] };
  return reconciliation.map((figure) => ({
    ...figure,
    reported: parseHundredthsText(figure.reported),
    computed: figure.computed === undefined ? undefined : parseHundredthsText(figure.computed),
  }));
}

/** A frozen file's bytes, exactly as released. */
export function readEditionFile(id: string, name: string, dir: string = join(DATA_DIR, 'editions')): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(join(dir, id, name)));
}
