/**
 * npm run docs:guide: rewrites the generated parts of the staff guide (docs/staff-guide.md and
 * docs/staff-guide.en.md): the files and columns from src/read/tables.ts, and every rule with the
 * problem its broken fixture gets from the validator. A unit test fails when either is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spliceStaffGuide, STAFF_GUIDES } from '../src/publish/staffGuide.ts';
import { ruleExamples, rulesWithoutFixture } from './lib/brokenFixtures.ts';
import { runCommand } from './lib/command.ts';

const FIXTURES = join('tests', 'fixtures');

await runCommand(
  {
    name: 'npm run docs:guide',
    summary: {
      zh: '重写工作人员指南（docs/staff-guide.md、docs/staff-guide.en.md）中自动生成的部分：文件与列，以及每条校验规则的错误信息（由 tests/fixtures/broken/ 中的样例经校验得到）。',
      en: 'Rewrites the generated parts of the staff guide (docs/staff-guide.md, docs/staff-guide.en.md): the files and columns, and every validation rule’s message as the validator gives it for its example in tests/fixtures/broken/.',
    },
    options: {},
    exitCodes: { 1: { zh: '有校验规则没有错误样例', en: 'a validation rule has no broken fixture' } },
  },
  () => {
    const missing = rulesWithoutFixture(FIXTURES);
    if (missing.length > 0) {
      console.error(`这些规则没有错误样例（tests/fixtures/broken/<规则>/）：${missing.join('、')}`);
      console.error(`These rules have no broken fixture (tests/fixtures/broken/<rule>/): ${missing.join(', ')}`);
      return 1;
    }
    const examples = ruleExamples(FIXTURES);
    for (const { locale, file } of STAFF_GUIDES) writeFileSync(file, spliceStaffGuide(readFileSync(file, 'utf8'), file, locale, examples));
    console.log(`已更新 ${STAFF_GUIDES.map((guide) => guide.file).join('、')} · Updated ${STAFF_GUIDES.map((guide) => guide.file).join(', ')}`);
  },
);
