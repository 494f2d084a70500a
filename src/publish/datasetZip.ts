/**
 * An edition's whole data as one zip: README.md first, then its files, all in one folder named like
 * the archive (so unzipping leaves one folder, not a dozen loose files) and stamped with one day.
 */
import { DATASET_README } from './datasetReadme.ts';
import { zipFiles, type ZipEntry } from './zipFiles.ts';

export type DatasetZipInput = {
  /** The archive's name without `.zip`, also its folder: `150627-<edition>`. */
  folder: string;
  readme: string;
  /** The dataset's files in the order the README lists them, byte for byte. */
  files: readonly ZipEntry[];
  /** The day every entry is stamped with: the release day, or the as-of date of a preview. */
  day: string;
};

export function datasetZip({ folder, readme, files, day }: DatasetZipInput): Uint8Array<ArrayBuffer> {
  const entries = [{ name: DATASET_README, bytes: new TextEncoder().encode(readme) }, ...files];
  return zipFiles(
    entries.map(({ name, bytes }) => ({ name: `${folder}/${name}`, bytes })),
    day,
  );
}
