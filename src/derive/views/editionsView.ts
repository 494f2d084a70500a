/**
 * The list of released editions (/editions/) and each edition's changelog (/editions/<id>/changes/):
 * newest first, with the date, the note, the size of the change and the link to its changelog.
 */
import type { Site } from '../buildSite.ts';
import type { Comparison } from '../compareEditions.ts';
import type { EditionManifest } from '../../model/editionManifest.ts';
import { buildPageFrame, type PageFrame } from './pageFrame.ts';
import type { Reconciliation } from '../../read/reconcile.ts';

/** Every released edition, oldest first, with what changed since the one before (none for the first). */
export type EditionHistory = { manifest: EditionManifest; previous: string | undefined; changes: Comparison | undefined }[];

export type ChangeCounts = { added: number; removed: number; changed: number; figures: number };

export type EditionRow = EditionManifest & { previous: string | undefined; counts: ChangeCounts | undefined; changelogPath: string };

export type EditionsView = { frame: PageFrame; editions: EditionRow[]; latest: string | undefined };

export type ChangelogView = { frame: PageFrame; edition: EditionRow; changes: Comparison | undefined };

export const changelogPath = (id: string): string => `/editions/${id}/changes/`;

function countChanges(changes: Comparison | undefined): ChangeCounts | undefined {
  if (changes === undefined) return undefined;
  const sum = (pick: (f: Comparison['files'][number]) => number) => changes.files.reduce((total, f) => total + pick(f), 0);
  return { added: sum((f) => f.added.length), removed: sum((f) => f.removed.length), changed: sum((f) => f.changed.length), figures: changes.figures.length };
}

const rowOf = (entry: EditionHistory[number]): EditionRow => ({
  ...entry.manifest,
  previous: entry.previous,
  counts: countChanges(entry.changes),
  changelogPath: changelogPath(entry.manifest.id),
});

export function buildEditionsView(site: Site, history: EditionHistory): EditionsView {
  return { frame: buildPageFrame(site), editions: history.map(rowOf).reverse(), latest: history.at(-1)?.manifest.id };
}

export function buildChangelogView(site: Site, history: EditionHistory, id: string): ChangelogView | undefined {
  const entry = history.find((e) => e.manifest.id === id);
  return entry === undefined ? undefined : { frame: buildPageFrame(site), edition: rowOf(entry), changes: entry.changes };
}

/** A headline figure as a frozen edition recorded it (figures.json). */
export type FrozenFigure = Pick<Reconciliation, 'key' | 'scopeCode' | 'projectId' | 'category' | 'label' | 'unit' | 'qualifier' | 'status' | 'reported'> & {
  computed: bigint | undefined;
};

export const editionPath = (id: string): string => `/editions/${id}/`;
export const editionFilePath = (id: string, name: string): string => `/editions/${id}/data/${name}`;

/** One edition's own page: its figures as released, its frozen files, and whether a later edition replaced it. */
export type EditionPageView = {
  frame: PageFrame;
  edition: EditionRow;
  /** The latest edition, when this is not it: the page then says so and links to the live site. */
  latest: string | undefined;
  figures: FrozenFigure[];
  files: { name: string; sha256: string; bytes: number; path: string }[];
};

/**
 * `zip` is the edition's whole data as one archive (src/load/datasetZip.ts), listed after its files.
 */
export function buildEditionPageView(
  site: Site,
  history: EditionHistory,
  id: string,
  figures: FrozenFigure[],
  zip?: { name: string; sha256: string; bytes: number },
): EditionPageView | undefined {
  const entry = history.find((e) => e.manifest.id === id);
  if (entry === undefined) return undefined;
  const newest = history.at(-1)!.manifest.id;
  return {
    // The footer names this edition, not the live one: every figure on the page is this edition's.
    frame: {
      ...buildPageFrame(site),
      edition: id,
      asOf: entry.manifest.asOf,
      standing: { kind: 'frozen', latest: newest === id ? undefined : newest, livePath: () => '/' },
    },
    edition: rowOf(entry),
    latest: newest === id ? undefined : newest,
    figures,
    files: [
      ...Object.entries(entry.manifest.files).map(([name, file]) => ({ name, ...file, path: editionFilePath(id, name) })),
      ...(zip === undefined ? [] : [{ ...zip, path: editionFilePath(id, zip.name) }]),
    ],
  };
}
