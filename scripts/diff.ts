/**
 * npm run diff [-- --json]: what data/ changes against the last released edition, before release:
 * rows added, removed and changed per file, and every figure that moves.
 */
import { join } from 'node:path';
import { DATA_DIR, dayOfBuild, loadDataDir } from '../src/load/readDataDir.ts';
import { listEditions, loadEdition } from '../src/load/editions.ts';
import { formatReport } from '../src/read/formatReport.ts';
import { compareEditions } from '../src/derive/compareEditions.ts';
import { comparisonToJson, formatComparison } from '../src/derive/formatComparison.ts';
import { runCommand } from './lib/command.ts';

await runCommand(
  {
    name: 'npm run diff',
    summary: {
      zh: '比较 data/ 与上一个已发布版本：每个文件新增、删除、修改的行，以及变动的数字。',
      en: 'Compares data/ with the last released edition: rows added, removed and changed per file, and every figure that moves.',
    },
    options: {
      json: { type: 'boolean', default: false, description: { zh: '以 JSON 输出（列出全部行）', en: 'Print JSON (every row listed)' } },
      dir: { type: 'string', default: DATA_DIR, value: '文件夹 folder', description: { zh: '数据文件夹', en: 'The data folder' } },
    },
    exitCodes: { 1: { zh: '数据有错误，或还没有发布过版本', en: 'the data has errors, or no edition has been released yet' } },
    examples: ['npm run diff', 'npm run diff -- --json > changes.json'],
  },
  ({ values }) => {
    const dataDir = values.dir as string;
    const editionsDir = join(dataDir, 'editions');
    const last = listEditions(editionsDir).at(-1);
    if (last === undefined) {
      console.error('还没有发布过版本，无可比较：先运行 npm run release。 No edition has been released yet: run npm run release first.');
      return 1;
    }
    const now = loadDataDir(dataDir, { today: dayOfBuild() });
    if (!now.report.ok) {
      console.error(formatReport(now.report, now.edition));
      return 1;
    }
    const then = loadEdition(last, editionsDir);
    const comparison = compareEditions(
      { records: then.records, reconciliation: then.report.reconciliation },
      { records: now.records, reconciliation: now.report.reconciliation },
    );
    console.log(values.json === true ? comparisonToJson(comparison, last.id, now.edition) : formatComparison(comparison, last.id, now.edition));
  },
);
