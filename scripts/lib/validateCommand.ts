/**
 * `npm run validate`, callable in-process: the fuzz test runs it on thousands of odd folders and
 * command lines with its output captured, as staff would run it from a terminal.
 */
import { formatReport, reportToJson } from '../../src/read/formatReport.ts';
import { DATA_DIR, dayOfBuild, loadDataDir } from '../../src/load/readDataDir.ts';
import { execute, PROCESS_IO, type CommandSpec, type Io } from './command.ts';

export const VALIDATE: CommandSpec = {
  name: 'npm run validate',
  summary: {
    zh: '校验数据文件夹中的每个 CSV 文件，列出每个问题（文件、行、列、规则）并与官方报告数字核对。',
    en: 'Checks every CSV file in the data folder, lists each problem (file, row, column, rule) and reconciles the reported figures.',
  },
  options: {
    json: { type: 'boolean', default: false, description: { zh: '以 JSON 输出完整报告（供程序读取）', en: 'Print the whole report as JSON (for programs)' } },
    dir: { type: 'string', default: DATA_DIR, value: '文件夹 folder', description: { zh: '数据文件夹', en: 'The data folder' } },
  },
  environment: { DATA_DIR: { zh: '默认的数据文件夹（默认 data/）', en: 'The default data folder (data/ unless set)' } },
  exitCodes: { 1: { zh: '数据有错误，不能发布', en: 'the data has errors and cannot be published' } },
  examples: ['npm run validate', 'npm run validate -- --json > report.json', 'npm run validate -- --dir ../新数据'],
};

export function validateCommand(argv: readonly string[], io: Io = PROCESS_IO): Promise<number> {
  return execute(
    VALIDATE,
    ({ values }, { out }) => {
      const { report, edition } = loadDataDir(values.dir as string, { today: dayOfBuild() });
      out(`${values.json === true ? reportToJson(report, edition) : formatReport(report, edition)}\n`);
      return report.ok ? 0 : 1;
    },
    argv,
    io,
  );
}
