/**
 * The list of released editions (/editions/) and each edition's changelog (/editions/<id>/changes/):
 * newest first, with the date, the note, the size of the change and the link to its changelog.
 */
import type { Site } from '../buildSite.ts';
import type { Comparison } from '../compareEditions.ts';
import type { EditionManifest } from '../../model/editionManifest.ts';
import { buildPageFrame, type PageFrame } from './pageFrame.ts';

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
