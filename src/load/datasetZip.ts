/**
 * The whole dataset as one zip (src/publish/datasetZip.ts): for a released edition, made from its frozen
 * files alone, so it is byte for byte the same at every build; for live data, the latest edition's zip
 * when the data is released, or a preview made from the data as it is now. Each is made once per build.
 */
import { absoluteUrl } from '../model/basePath.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Site } from '../derive/buildSite.ts';
import type { DatasetDownload } from '../derive/views/dataView.ts';
import { editionFilePath, editionPath } from '../derive/views/editionsView.ts';
import { datasetZipName, MANIFEST_FILE, PACKAGE_FILE, type EditionManifest } from '../model/editionManifest.ts';
import { datasetReadme } from '../publish/datasetReadme.ts';
import { describePackage, splitBoth, type DataPackage } from '../publish/describePackage.ts';
import { datasetZip } from '../publish/datasetZip.ts';
import { freezeEdition } from '../publish/freezeEdition.ts';
import { EDITIONS_DIR, listEditions, loadEdition, sha256 } from './editions.ts';
import { packageOptions } from '../publish/packageOptions.ts';

export type DatasetZip = {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
  sha256: string;
  /** The day every entry is stamped with: the edition's release day, or a preview's as-of date. */
  day: string;
  /** The edition it holds; for a preview, the id of the data as it is now. */
  edition: string;
  /** Data not released: not to be cited. */
  preview: boolean;
  /** Its datapackage.json: the title and licences it was released under. */
  descriptor: DataPackage;
};

const made = new Map<string, DatasetZip>();

function remember(key: string, make: () => Omit<DatasetZip, 'sha256'>): DatasetZip {
  let zip = made.get(key);
  if (zip === undefined) {
    const unsigned = make();
    zip = { ...unsigned, sha256: sha256(unsigned.bytes) };
    made.set(key, zip);
  }
  return zip;
}

/**
 * A released edition's zip: every file of data/editions/<id>/ as released (edition.json last) and a
 * README made from them, stamped with the release day. `siteUrl` (the site's root with its base path, src/views/siteAddress.ts) makes the
 * edition's address in the README absolute.
 */
export function editionDatasetZip(manifest: EditionManifest, siteUrl: URL | string, dir: string = EDITIONS_DIR): DatasetZip {
  return remember(`edition\0${dir}\0${manifest.id}\0${String(siteUrl)}`, () => {
    const names = [...Object.keys(manifest.files), MANIFEST_FILE];
    const files = names.map((file) => ({ name: file, bytes: new Uint8Array(readFileSync(join(dir, manifest.id, file))) }));
    // The terms and title it was released under, as frozen: a later version of the tool may differ.
    const descriptor = JSON.parse(new TextDecoder().decode(files.find((file) => file.name === PACKAGE_FILE)!.bytes)) as DataPackage;
    const { records } = loadEdition(manifest, dir);
    const name = datasetZipName(manifest.regionCode, manifest.id);
    const readme = datasetReadme({
      records,
      descriptor,
      edition: manifest.id,
      asOf: manifest.asOf,
      released: manifest.released,
      note: manifest.note,
      url: absoluteUrl(editionPath(manifest.id), siteUrl),
      files: names,
    });
    const bytes = datasetZip({ folder: name.replace(/\.zip$/, ''), readme, files, day: manifest.released });
    return { name, bytes, day: manifest.released, edition: manifest.id, preview: false, descriptor };
  });
}

/** The edition a Site shows: its own for a frozen Site, the latest for released live data, none for a preview. */
function releasedAs(site: Site, dir: string): EditionManifest | undefined {
  const { standing } = site;
  if (standing.kind === 'unreleased') return undefined;
  const editions = listEditions(dir);
  const manifest = standing.kind === 'frozen' ? editions.find((e) => e.id === site.edition) : editions.at(-1);
  if (manifest === undefined) throw new Error(`没有版本 ${site.edition}。 No edition ${site.edition}.`);
  return manifest;
}

/** The name of the zip a Site's data page offers (see datasetZipOf), without making it. */
export function datasetZipNameOf(site: Site, dir: string = EDITIONS_DIR): string {
  const manifest = releasedAs(site, dir);
  return manifest === undefined ? datasetZipName(site.region.code, site.edition) : datasetZipName(manifest.regionCode, manifest.id);
}

/**
 * The zip a Site's data page offers: a frozen edition's own; on the live site, the latest edition's
 * when the data is released (the same bytes at both addresses), or else a preview of the data as it is
 * now (the files a release would freeze, without a manifest), stamped with its as-of date.
 */
export function datasetZipOf(site: Site, siteUrl: URL | string, dir: string = EDITIONS_DIR): DatasetZip {
  const manifest = releasedAs(site, dir);
  if (manifest !== undefined) return editionDatasetZip(manifest, siteUrl, dir);
  return remember(`preview\0${dir}\0${site.edition}\0${String(siteUrl)}`, () => {
    const { records, edition, asOf } = site;
    const options = packageOptions(records, edition);
    const frozen = freezeEdition(records, site.report.reconciliation, options);
    const descriptor = describePackage(records, options);
    const name = datasetZipName(site.region.code, edition);
    const readme = datasetReadme({
      records,
      descriptor,
      edition,
      asOf,
      released: undefined,
      note: undefined,
      url: absoluteUrl('/data/', siteUrl),
      files: [...frozen.keys()],
    });
    const files = [...frozen].map(([file, text]) => ({ name: file, bytes: new TextEncoder().encode(text) }));
    const bytes = datasetZip({ folder: name.replace(/\.zip$/, ''), readme, files, day: asOf });
    return { name, bytes, day: asOf, edition, preview: true, descriptor };
  });
}

/** What the data page shows of a Site's zip: where it is, its size, day and sha256, its title and licences. */
export function datasetDownload(site: Site, siteUrl: URL | string, dir: string = EDITIONS_DIR): DatasetDownload {
  const zip = datasetZipOf(site, siteUrl, dir);
  return {
    name: zip.name,
    path: site.standing.kind === 'frozen' ? editionFilePath(site.edition, zip.name) : `/data/${zip.name}`,
    bytes: zip.bytes.length,
    sha256: zip.sha256,
    day: zip.day,
    preview: zip.preview,
    title: splitBoth(zip.descriptor.title),
    licenses: zip.descriptor.licenses,
  };
}
