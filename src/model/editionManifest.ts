/**
 * What a released edition records of itself (data/editions/<id>/edition.json) and the names of its
 * frozen files: one shape for the release command, the site's edition pages and the data tests.
 */
import type { Bilingual } from '../i18n/locale.ts';

/** The layout of a frozen copy; a change of layout is a recorded migration that leaves published files as they were. */
export const EDITION_FORMAT = 1;
export const MANIFEST_FILE = 'edition.json';
export const FIGURES_FILE = 'figures.json';
export const PACKAGE_FILE = 'datapackage.json';

/** An edition's whole data as one download, named so that a saved copy still says what it is: `150627-<id>.zip`. */
export const datasetZipName = (regionCode: string, edition: string): string => `${regionCode}-${edition}.zip`;

/** What data/editions/<id>/edition.json records of a released edition. */
export type EditionManifest = {
  /** The layout of the frozen copy (EDITION_FORMAT when released); see src/read/migrateEdition.ts. */
  format: number;
  id: string;
  asOf: string;
  /** The day it was released. */
  released: string;
  regionCode: string;
  note: Bilingual;
  /** Every frozen file with its sha256 and size, by name: the edition's data, byte for byte. */
  files: Record<string, { sha256: string; bytes: number }>;
};
