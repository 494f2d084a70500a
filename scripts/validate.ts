/**
 * npm run validate [-- --json] [-- --dir path]: checks data/ and prints the bilingual report.
 * Exit code 1 on any error, so a build or CI step stops before publishing.
 */
import { parseArgs } from 'node:util';
import { formatReport, reportToJson } from '../src/read/formatReport.ts';
import { DATA_DIR, dayOfBuild, loadDataDir } from '../src/load/readDataDir.ts';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, dir: { type: 'string', default: DATA_DIR } },
});

const { report, edition } = loadDataDir(values.dir, { today: dayOfBuild() });
process.stdout.write(`${values.json ? reportToJson(report, edition) : formatReport(report, edition)}\n`);
process.exitCode = report.ok ? 0 : 1;
