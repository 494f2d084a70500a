/**
 * npm run data:describe: rewrites data/datapackage.json and the generated part of data/README.md
 * from the tables in src/read/tables.ts. A unit test fails when either is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeColumns, spliceGenerated } from '../src/publish/describeColumns.ts';
import { DATA_DIR, loadDataDir } from '../src/load/readDataDir.ts';
import { DATA_PACKAGE_FILE, dataPackageText } from './lib/dataPackage.ts';

import { runCommand } from './lib/command.ts';

await runCommand(
  {
    name: 'npm run data:describe',
    summary: {
      zh: '根据 src/read/tables.ts 重写 data/datapackage.json 和 data/README.md 中自动生成的部分。',
      en: 'Rewrites data/datapackage.json and the generated part of data/README.md from the tables in src/read/tables.ts.',
    },
    options: {},
    environment: { DATA_DIR: { zh: '数据文件夹（默认 data/）', en: 'The data folder (data/ unless set)' } },
    exitCodes: { 1: { zh: '数据有错误，先运行 npm run validate', en: 'the data has errors: run npm run validate first' } },
  },
  () => {
    const { records, report } = loadDataDir(DATA_DIR);
    if (!report.ok) {
      console.error('数据有错误，先运行 npm run validate。 The data has errors: run npm run validate first.');
      return 1;
    }
    writeFileSync(join(DATA_DIR, DATA_PACKAGE_FILE), dataPackageText(records));
    const readmePath = join(DATA_DIR, 'README.md');
    writeFileSync(readmePath, spliceGenerated(readFileSync(readmePath, 'utf8'), describeColumns()));
    console.log('已更新 data/datapackage.json 和 data/README.md · Updated data/datapackage.json and data/README.md');
  },
);
