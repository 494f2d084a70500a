/**
 * The broken fixtures (tests/fixtures/broken/<rule>/), each laid over the small valid dataset as staff
 * would have it in data/, and checked by the validator's own code (readDataFiles + loadDataset, as
 * `npm run validate -- --json` does), its region.json too. A fixture may take files away: its remove.txt names them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConfigText, readDataFiles, readOutlines } from '../../src/load/readDataDir.ts';
import { loadDataset } from '../../src/read/loadDataset.ts';
import { RULES, type Problem, type Rule } from '../../src/read/problem.ts';
import type { RuleExample } from '../../src/publish/staffGuide.ts';

/** A fixed day of the build, so the examples do not change with the calendar (the unit tests use the same). */
export const FIXTURE_DAY = '2024-06-30';

/** The files a fixture takes away from the small dataset (its remove.txt, `#` starting a comment). */
export function removedFiles(dir: string): string[] {
  const list = join(dir, 'remove.txt');
  if (!existsSync(list)) return [];
  return readFileSync(list, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '');
}

/** Every problem the validator finds in the small dataset with one fixture laid over it. */
export function checkBrokenFixture(fixtures: string, rule: string): Problem[] {
  const files = readDataFiles(join(fixtures, 'small')).files;
  const dir = join(fixtures, 'broken', rule);
  for (const name of removedFiles(dir)) files.delete(name);
  const overlay = readDataFiles(dir);
  for (const [name, bytes] of overlay.files) files.set(name, bytes);
  // A name that could not be read no longer stands for the small dataset's file of that name.
  for (const problem of overlay.problems) files.delete(problem.file);
  // The settings file (region.json) a fixture holds is checked beside the data, as in data/.
  const config = readConfigText(dir);
  const options = { today: FIXTURE_DAY, outlines: readOutlines(join(fixtures, 'region')), folderProblems: overlay.problems };
  return loadDataset(files, config === undefined ? options : { ...options, config }).report.problems;
}

/** The rules with no fixture folder: each one is a gap in the tests and in the staff guide. */
export const rulesWithoutFixture = (fixtures: string): Rule[] => RULES.filter((rule) => !existsSync(join(fixtures, 'broken', rule)));

/** For every rule that has a fixture, the problems of that rule its fixture gets. */
export function ruleExamples(fixtures: string): RuleExample[] {
  return RULES.filter((rule) => existsSync(join(fixtures, 'broken', rule))).map((rule) => ({
    rule,
    fixture: `tests/fixtures/broken/${rule}/`,
    problems: checkBrokenFixture(fixtures, rule).filter((problem) => problem.rule === rule),
  }));
}
