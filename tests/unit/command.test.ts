import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, parseCommandLine, wholeNumber, type CommandSpec, type Io } from '../../scripts/lib/command.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

const SPEC: CommandSpec = {
  name: 'npm run example',
  summary: { zh: '示例命令', en: 'An example command' },
  options: {
    dir: { type: 'string', default: 'data', value: '文件夹 folder', description: { zh: '数据文件夹', en: 'The data folder' } },
    json: { type: 'boolean', description: { zh: '输出 JSON', en: 'Print JSON' } },
    rounds: { type: 'string', default: '3', description: { zh: '轮数', en: 'Rounds' }, check: wholeNumber(1) },
  },
  positionals: { usage: '<代码 code>', description: { zh: '地区代码', en: 'Region code' }, min: 1, max: 1 },
};

const NO_STACK = /^\s+at .+/m;

describe('parseCommandLine', () => {
  it('answers --help and -h with usage, options, exit codes in Chinese and English', () => {
    for (const flag of ['--help', '-h']) {
      const line = parseCommandLine(SPEC, [flag]);
      expect(line.kind).toBe('help');
      const text = line.kind === 'help' ? line.text : '';
      expect(text).toContain('用法 Usage: npm run example -- <代码 code> [选项 options]');
      expect(text).toContain('数据文件夹（默认 default: data）');
      expect(text).toContain('The data folder');
      expect(text).toContain('2  用法错误');
    }
  });

  it.each([
    [['--nope', '150627'], '未知选项 --nope', 'Unknown option --nope'],
    [['150627', '--dir'], '选项 --dir 缺少取值', 'The option --dir needs a value'],
    [['150627', '--json=yes'], '选项 --json 不带取值', 'The option --json takes no value'],
    [['150627', '--rounds', '0'], '--rounds 0：应为不小于 1 的整数', '--rounds 0: must be a whole number of at least 1'],
    [[], '缺少参数 <代码 code>', 'Missing argument <代码 code>'],
    [['1', '2'], '参数过多：2', 'Too many arguments: 2'],
    [['1', '--\u001b[2Jx'], '未知选项 --\\u001b[2Jx', 'Unknown option --\\u001b[2Jx'],
  ])('answers %j with one bilingual paragraph and a pointer to --help', (argv, zh, en) => {
    const line = parseCommandLine(SPEC, argv);
    expect(line.kind).toBe('usage-error');
    const text = line.kind === 'usage-error' ? line.text : '';
    expect(text).toContain(zh);
    expect(text).toContain(en);
    expect(text).toContain('Run npm run example -- --help for usage');
    expect(text).not.toContain('\u001b');
  });

  it('fills in defaults and hands over the positionals', () => {
    expect(parseCommandLine(SPEC, ['150627', '--json'])).toEqual({
      kind: 'run',
      parsed: { values: { dir: 'data', json: true, rounds: '3' }, positionals: ['150627'] },
    });
  });
});

describe('execute', () => {
  const capture = (): Io & { text: () => string } => {
    const parts: string[] = [];
    return { out: (t) => parts.push(t), err: (t) => parts.push(t), text: () => parts.join('') };
  };

  it('turns an exception into one bilingual line and exit code 1, with no stack trace', async () => {
    const io = capture();
    const code = await execute(
      SPEC,
      () => {
        throw new Error('ENOENT: no such file');
      },
      ['150627'],
      io,
    );
    expect(code).toBe(1);
    expect(io.text()).toContain('npm run example 出错 · failed: ENOENT: no such file');
    expect(io.text()).not.toMatch(NO_STACK);
  });

  it("returns main's exit code, 0 when it returns nothing, and 2 for wrong usage", async () => {
    expect(await execute(SPEC, () => 1, ['1'], capture())).toBe(1);
    expect(await execute(SPEC, () => undefined, ['1'], capture())).toBe(0);
    expect(await execute(SPEC, () => 0, ['--bad'], capture())).toBe(2);
  });
});

/** Every npm script that runs a file of scripts/ with tsx: each is a command a person types. */
const COMMANDS = Object.entries((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts)
  .map(([name, line]) => [name, /^tsx (scripts\/\w+\.ts)$/.exec(line)?.[1]] as const)
  .filter((entry): entry is readonly [string, string] => entry[1] !== undefined);

describe('every command answers --help and rejects an unknown option, in both languages, without a stack trace', () => {
  it('covers validate, build, serve and the data commands', () => {
    expect(COMMANDS.map(([name]) => name)).toEqual(expect.arrayContaining(['validate', 'build', 'serve', 'init-region', 'data:sample', 'data:describe']));
  });

  it.each(COMMANDS)('npm run %s', (name, script) => {
    const help = spawnSync(TSX, [join(ROOT, script), '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain(`用法 Usage: npm run ${name}`);
    expect(help.stdout).toMatch(/^[^\n]*[\u4e00-\u9fff][^\n]*\n[A-Z][^\n]*[a-z][^\n]*\n/);
    const wrong = spawnSync(TSX, [join(ROOT, script), '--no-such-option'], { cwd: ROOT, encoding: 'utf8' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('未知选项 --no-such-option');
    expect(wrong.stderr).toContain('Unknown option --no-such-option');
    expect(wrong.stderr + wrong.stdout).not.toMatch(NO_STACK);
  });

  it('npm run validate on a folder named funds.csv or a folder that does not exist: a located message, exit 1, no stack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-odd-'));
    try {
      mkdirSync(join(dir, 'funds.csv'));
      for (const target of [dir, join(dir, 'missing')]) {
        const result = spawnSync(TSX, [join(ROOT, 'scripts', 'validate.ts'), '--dir', target], { cwd: ROOT, encoding: 'utf8' });
        expect(result.status).toBe(1);
        expect(result.stdout).toContain('[file-system]');
        expect(result.stdout + result.stderr).not.toMatch(NO_STACK);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
