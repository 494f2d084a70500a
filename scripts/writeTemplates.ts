/**
 * npm run data:templates: writes data/templates/, a CSV and an xlsx template for every data file,
 * from the tables in src/read/tables.ts (src/publish/templates.ts, scripts/lib/xlsxTemplate.ts).
 * A test of data/ fails when the committed templates are out of date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATA_DIR } from '../src/load/readDataDir.ts';
import { TABLES } from '../src/read/tables.ts';
import type { AnyTable } from '../src/read/field.ts';
import { csvTemplate, templateOf } from '../src/publish/templates.ts';
import { xlsxTemplate } from './lib/xlsxTemplate.ts';
import { runCommand } from './lib/command.ts';

await runCommand(
  {
    name: 'npm run data:templates',
    summary: {
      zh: '为每个数据文件写出 CSV 和 xlsx 模板（中文表头、两行示例、代码列为文本格式、下拉列表、列说明）到 data/templates/。',
      en: 'Writes a CSV and an xlsx template of every data file (Chinese headers, two example rows, code columns as text, drop-down lists, column help) to data/templates/.',
    },
    options: {
      out: {
        type: 'string',
        default: join(DATA_DIR, 'templates'),
        value: '文件夹 folder',
        description: { zh: '写入模板的文件夹', en: 'The folder to write the templates to' },
      },
    },
    environment: {
      DATA_DIR: { zh: '数据文件夹（默认 data/），模板写入其中的 templates/', en: 'The data folder (data/ unless set); the templates go in its templates/' },
    },
    examples: ['npm run data:templates', 'npm run data:templates -- --out /tmp/模板'],
  },
  async ({ values }) => {
    const out = resolve(values.out as string);
    mkdirSync(out, { recursive: true });
    for (const table of TABLES as readonly AnyTable[]) {
      const template = templateOf(table);
      writeFileSync(join(out, `${template.stem}.csv`), csvTemplate(template));
      writeFileSync(join(out, `${template.stem}.xlsx`), await xlsxTemplate(template));
    }
    console.log(`已写出 ${TABLES.length * 2} 个模板到 ${out} · Wrote ${TABLES.length * 2} templates to ${out}`);
    return 0;
  },
);
