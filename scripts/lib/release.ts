/**
 * The steps of `npm run release`: validate, refuse on any error, refuse data already released or an
 * as-of earlier than the last edition's, then freeze the data as a new edition under data/editions/.
 */
import type { Bilingual } from '../../src/i18n/locale.ts';
import { formatReport } from '../../src/read/formatReport.ts';
import { loadDataDir } from '../../src/load/readDataDir.ts';
import { listEditions, sameData, writeEdition } from '../../src/load/editions.ts';
import { packageOptions } from '../../src/publish/packageOptions.ts';
import { freezeEdition } from '../../src/publish/freezeEdition.ts';
import type { EditionManifest } from '../../src/model/editionManifest.ts';

export type ReleaseOptions = {
  dataDir: string;
  editionsDir: string;
  note: Bilingual;
  /** The day of the build, for the validation (see dayOfBuild). */
  today: string;
  /** The day recorded as the release date; today unless given. */
  released?: string;
  warn?: (text: string) => void;
};

export type ReleaseOutcome = { released: true; manifest: EditionManifest } | { released: false; reason: Bilingual };

export function release({ dataDir, editionsDir, note, today, released = today, warn = console.error }: ReleaseOptions): ReleaseOutcome {
  const { records, report, edition } = loadDataDir(dataDir, { today });
  if (!report.ok) {
    warn(formatReport(report, edition));
    return { released: false, reason: { zh: '数据有错误，未发布新版本', en: 'The data has errors; no edition was released' } };
  }
  const files = freezeEdition(records, report.reconciliation, packageOptions(records, edition));
  const last = listEditions(editionsDir).at(-1);
  const asOf = records.edition[0]!.as_of;
  if (last !== undefined && sameData(files, last)) {
    return {
      released: false,
      reason: { zh: `数据与上一版 ${last.id} 相同，无需发布新版本`, en: `The data is the same as the last edition, ${last.id}; there is nothing to release` },
    };
  }
  if (last !== undefined && asOf < last.asOf) {
    return {
      released: false,
      reason: {
        zh: `数据截止日期 ${asOf} 早于上一版 ${last.id} 的 ${last.asOf}：请在 edition.csv 中更新截止日期`,
        en: `The as-of date ${asOf} is earlier than the last edition's (${last.id}, ${last.asOf}): move the as-of date in edition.csv forward`,
      },
    };
  }
  const manifest = writeEdition(files, { id: edition, asOf, released, regionCode: records.edition[0]!.region_code, note }, editionsDir);
  return { released: true, manifest };
}
