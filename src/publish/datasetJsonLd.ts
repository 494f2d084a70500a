/**
 * The data page's schema.org `Dataset` (JSON-LD), so that dataset search engines find the data, its
 * edition, licences, period, region and every download. Embed it with toScriptJson: no value from the
 * data can then end the script element.
 */
import { absoluteUrl } from '../model/basePath.ts';
import type { Locale } from '../i18n/locale.ts';
import type { DatasetDownload, DatasetFacts } from '../derive/views/dataView.ts';

type DataDownload = {
  '@type': 'DataDownload';
  name: string;
  contentUrl: string;
  encodingFormat: string;
  contentSize?: string;
  sha256?: string;
};

export type DatasetJsonLd = {
  '@context': 'https://schema.org';
  '@type': 'Dataset';
  name: string;
  description: string;
  url: string;
  version: string;
  inLanguage: Locale;
  isAccessibleForFree: true;
  license: { '@type': 'CreativeWork'; name: string; url: string }[];
  temporalCoverage: string;
  spatialCoverage: { '@type': 'Place'; name: string; identifier: string; geo?: { '@type': 'GeoShape'; box: string } };
  distribution: DataDownload[];
  datePublished?: string;
};

export type DatasetJsonLdInput = {
  locale: Locale;
  /** The site's root address with its base path (src/views/siteAddress.ts): every URL is absolute. */
  siteUrl: URL | string;
  /** The page's own address in its language (`/en/data/`). */
  pageUrl: string;
  /** In the page's language: schema.org wants a description of at least a sentence or two. */
  description: string;
  facts: DatasetFacts;
  download: DatasetDownload;
};

const TYPES = { csv: 'text/csv', json: 'application/json', zip: 'application/zip' } as const;

export function datasetJsonLd({ locale, siteUrl, pageUrl, description, facts, download }: DatasetJsonLdInput): DatasetJsonLd {
  const absolute = (path: string) => absoluteUrl(path, siteUrl);
  const file = (name: string, encodingFormat: string): DataDownload => ({
    '@type': 'DataDownload',
    name,
    contentUrl: absolute(`${facts.dataRoot}${name}`),
    encodingFormat,
  });
  const region = locale === 'en' ? (facts.region.nameEn ?? facts.region.name) : facts.region.name;
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: locale === 'en' ? download.title.en : download.title.zh,
    description,
    url: absolute(pageUrl),
    version: facts.edition,
    inLanguage: locale,
    isAccessibleForFree: true,
    license: download.licenses.map((licence) => ({ '@type': 'CreativeWork', name: licence.title, url: licence.path })),
    temporalCoverage: `${facts.period.start}/${facts.period.end}`,
    spatialCoverage: {
      '@type': 'Place',
      name: region,
      identifier: facts.region.code,
      ...(facts.box === undefined ? {} : { geo: { '@type': 'GeoShape', box: facts.box.join(' ') } }),
    },
    distribution: [
      ...facts.csvFiles.map((name) => file(name, TYPES.csv)),
      file(facts.packageFile, TYPES.json),
      { ...file(download.name, TYPES.zip), contentUrl: absolute(download.path), contentSize: `${download.bytes} B`, sha256: download.sha256 },
    ],
    ...(download.preview ? {} : { datePublished: download.day }),
  };
}
