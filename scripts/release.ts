/**
 * npm run release -- --note "…" [--note-en "…"]: records the data as a dated edition that never
 * changes, in data/editions/<id>/ (commit it with the data).
 */
import { join } from 'node:path';
import { DATA_DIR, dayOfBuild, localDay } from '../src/load/readDataDir.ts';
import { runCommand } from './lib/command.ts';
import { release } from './lib/release.ts';

await runCommand(
  {
    name: 'npm run release',
    summary: {
      zh: '校验数据，通过后把它冻结为一个带日期的版本（data/editions/<版本号>/），此后永不改变；请把它与数据一起提交。',
      en: 'Validates the data and, if it passes, freezes it as a dated edition (data/editions/<id>/) that never changes; commit it with the data.',
    },
    options: {
      note: { type: 'string', value: '说明 text', description: { zh: '本版说明（中文）', en: 'What changed in this edition (Chinese)' } },
      'note-en': {
        type: 'string',
        value: 'text',
        description: { zh: '本版说明（英文；默认同 --note）', en: 'What changed, in English (the --note text unless given)' },
      },
      dir: { type: 'string', default: DATA_DIR, value: '文件夹 folder', description: { zh: '数据文件夹', en: 'The data folder' } },
    },
    exitCodes: {
      1: {
        zh: '未发布：数据有错误、与上一版相同或截止日期早于上一版',
        en: 'not released: the data has errors, is the same as the last edition, or is dated earlier',
      },
    },
    examples: ['npm run release -- --note "2021年11月按月调度数据" --note-en "Monthly review through November 2021"'],
  },
  ({ values }) => {
    const zh = (values.note as string | undefined)?.trim();
    if (zh === undefined || zh === '') {
      console.error('请用 --note 写明本版说明。 Say what this edition is with --note.');
      return 2;
    }
    const dataDir = values.dir as string;
    const outcome = release({
      dataDir,
      editionsDir: join(dataDir, 'editions'),
      note: { zh, en: (values['note-en'] as string | undefined)?.trim() || zh },
      today: dayOfBuild(),
      released: localDay(),
    });
    if (!outcome.released) {
      console.error(`${outcome.reason.zh}\n${outcome.reason.en}`);
      return 1;
    }
    const { id, files } = outcome.manifest;
    console.log(`已发布版本 ${id}（${Object.keys(files).length} 个文件）：data/editions/${id}/，请提交。`);
    console.log(`Released edition ${id} (${Object.keys(files).length} files) in data/editions/${id}/; commit it.`);
  },
);
