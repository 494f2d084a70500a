/**
 * Every command's shell: `--help` in Chinese and English, a bilingual one-paragraph answer to an
 * unknown option or a bad value (exit 2), and a bilingual line instead of a stack trace when the
 * command itself fails (exit 1; DEBUG=1 shows the stack). Commands stay thin: they declare their
 * options and hand a main function to runCommand.
 */
import { parseArgs } from 'node:util';
import stringWidth from 'string-width';
import { padToColumns } from '../../src/format/layOutTable.ts';
import type { Bilingual } from '../../src/i18n/locale.ts';
import { showControlCharacters } from '../../src/format/controlCharacters.ts';

type Text = Bilingual;

export type OptionSpec = {
  type: 'string' | 'boolean';
  short?: string;
  default?: string | boolean;
  /** Shown after the option in the usage: `--dir <文件夹 folder>`. */
  value?: string;
  description: Text;
  /** A string value's check: the message when it is not acceptable. */
  check?: (value: string) => Text | undefined;
};

export type CommandSpec = {
  /** How a person runs it: `npm run validate`. */
  name: string;
  summary: Text;
  options: Record<string, OptionSpec>;
  /** Positional arguments, as shown in the usage line (`<地区代码 region code>`); none when absent. */
  positionals?: { usage: string; description: Text; min: number; max: number };
  examples?: string[];
  /** What the exit codes mean beyond 0 (done) and 2 (wrong usage). */
  exitCodes?: Record<number, Text>;
  /** Environment variables it reads. */
  environment?: Record<string, Text>;
};

export type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

export type CommandLine = { kind: 'help'; text: string } | { kind: 'usage-error'; text: string } | { kind: 'run'; parsed: Parsed };

const HELP: OptionSpec = { type: 'boolean', short: 'h', description: { zh: '显示本说明', en: 'Show this help' } };

export function formatHelp(spec: CommandSpec): string {
  const options = { ...spec.options, help: HELP };
  const flag = (name: string, option: OptionSpec) =>
    `${option.short === undefined ? '    ' : `-${option.short}, `}--${name}${option.type === 'string' ? ` <${option.value ?? 'value'}>` : ''}`;
  const flags = Object.entries(options).map(([name, option]) => flag(name, option));
  const width = Math.max(...flags.map((text) => stringWidth(text))) + 2;
  const lines = [
    `${spec.summary.zh}`,
    `${spec.summary.en}`,
    '',
    `用法 Usage: ${spec.name}${Object.keys(spec.options).length > 0 || spec.positionals !== undefined ? ' --' : ''}${
      spec.positionals === undefined ? '' : ` ${spec.positionals.usage}`
    }${Object.keys(spec.options).length > 0 ? ' [选项 options]' : ''}`,
  ];
  if (spec.positionals !== undefined)
    lines.push('', `  ${spec.positionals.usage}`, `      ${spec.positionals.description.zh}`, `      ${spec.positionals.description.en}`);
  lines.push('', '选项 Options:');
  Object.values(options).forEach((option, index) => {
    const fallback = option.default === undefined || option.default === false ? '' : `（默认 default: ${String(option.default)}）`;
    lines.push(`  ${padToColumns(flags[index]!, width)}${option.description.zh}${fallback}`, `  ${''.padEnd(width)}${option.description.en}`);
  });
  if (spec.environment !== undefined) {
    lines.push('', '环境变量 Environment:');
    for (const [name, text] of Object.entries(spec.environment)) lines.push(`  ${name}`, `      ${text.zh}`, `      ${text.en}`);
  }
  const codes: Record<number, Text> = {
    0: { zh: '完成', en: 'done' },
    ...spec.exitCodes,
    2: { zh: '用法错误（未知选项或取值不对）', en: 'wrong usage (unknown option or bad value)' },
  };
  lines.push('', '退出码 Exit codes:', ...Object.entries(codes).map(([code, text]) => `  ${code}  ${text.zh} · ${text.en}`));
  if (spec.examples !== undefined) lines.push('', '示例 Examples:', ...spec.examples.map((example) => `  ${example}`));
  return `${lines.join('\n')}\n`;
}

function usageError(spec: CommandSpec, problem: Text): CommandLine {
  return {
    kind: 'usage-error',
    text: `${problem.zh}\n${problem.en}\n运行 ${spec.name} -- --help 查看用法 · Run ${spec.name} -- --help for usage\n`,
  };
}

/** Node's own parse errors name the option in English; they are told again in both languages. */
function explainParseError(error: unknown): Text {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const message = showControlCharacters(error instanceof Error ? error.message : String(error));
  const option = /'(-{1,2}[^' ]*)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { zh: `未知选项 ${option}`, en: `Unknown option ${option}` };
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return message.includes('does not take')
      ? { zh: `选项 ${option} 不带取值`, en: `The option ${option} takes no value` }
      : { zh: `选项 ${option} 缺少取值`, en: `The option ${option} needs a value` };
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const extra = /'([^']*)'/.exec(message)?.[1] ?? '';
    return { zh: `多余的参数 ${extra}`, en: `Unexpected argument ${extra}` };
  }
  return { zh: `无法理解命令行：${message}`, en: `Cannot understand the command line: ${message}` };
}

/** Reads a command line against its spec: help, a usage error, or the values to run with. */
export function parseCommandLine(spec: CommandSpec, argv: readonly string[]): CommandLine {
  const options = { ...spec.options, help: HELP };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: spec.positionals !== undefined,
      options: Object.fromEntries(
        Object.entries(options).map(([name, option]) => [
          name,
          {
            type: option.type,
            ...(option.short === undefined ? {} : { short: option.short }),
            ...(option.default === undefined ? {} : { default: option.default }),
          },
        ]),
      ),
    });
  } catch (error) {
    return usageError(spec, explainParseError(error));
  }
  const values = parsed.values as Parsed['values'];
  if (values.help === true) return { kind: 'help', text: formatHelp(spec) };
  for (const [name, option] of Object.entries(spec.options)) {
    const value = values[name];
    const problem = typeof value === 'string' ? option.check?.(value) : undefined;
    if (problem !== undefined)
      return usageError(spec, {
        zh: `--${name} ${showControlCharacters(value as string)}：${problem.zh}`,
        en: `--${name} ${showControlCharacters(value as string)}: ${problem.en}`,
      });
  }
  const positionals = parsed.positionals;
  const wanted = spec.positionals;
  if (wanted !== undefined && (positionals.length < wanted.min || positionals.length > wanted.max)) {
    return usageError(spec, {
      zh: positionals.length < wanted.min ? `缺少参数 ${wanted.usage}` : `参数过多：${positionals.slice(wanted.max).join(' ')}`,
      en: positionals.length < wanted.min ? `Missing argument ${wanted.usage}` : `Too many arguments: ${positionals.slice(wanted.max).join(' ')}`,
    });
  }
  return { kind: 'run', parsed: { values, positionals } };
}

/**
 * For scripts that run at module level (the benchmarks): the parsed command line, or the help or
 * usage error printed and the process ended.
 */
export function parseOrExit<V extends Parsed['values']>(
  spec: CommandSpec,
  argv: readonly string[] = process.argv.slice(2),
): { values: V; positionals: string[] } {
  const line = parseCommandLine(spec, argv);
  // The values are those the spec declares, with its defaults filled in.
  if (line.kind === 'run') return line.parsed as { values: V; positionals: string[] };
  (line.kind === 'help' ? process.stdout : process.stderr).write(line.text);
  process.exit(line.kind === 'help' ? 0 : 2);
}

/** A whole number at least `min`, for options such as --repeats. */
export const wholeNumber =
  (min: number) =>
  (value: string): Text | undefined =>
    /^\d+$/.test(value) && Number(value) >= min ? undefined : { zh: `应为不小于 ${min} 的整数`, en: `must be a whole number of at least ${min}` };

/** How a failure reads: the error's own message (Node's are English), after a bilingual lead. */
export function describeFailure(spec: CommandSpec, error: unknown): string {
  const message = showControlCharacters(error instanceof Error ? error.message : String(error));
  return `${spec.name} 出错 · failed: ${message}\n（设置 DEBUG=1 可显示详细信息 · set DEBUG=1 for details）\n`;
}

/** Where a command writes: the process's streams, or a test's buffers. */
export type Io = { out: (text: string) => void; err: (text: string) => void };

export const PROCESS_IO: Io = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };

export type Main = (parsed: Parsed, io: Io) => Promise<number | void> | number | void;

/**
 * Runs a command and returns its exit code: parses argv, answers --help and usage errors, then runs
 * `main`, whose number (or nothing, for 0) is the exit code. Any exception becomes one bilingual
 * line and exit code 1.
 */
export async function execute(spec: CommandSpec, main: Main, argv: readonly string[], io: Io = PROCESS_IO): Promise<number> {
  const line = parseCommandLine(spec, argv);
  if (line.kind === 'help') {
    io.out(line.text);
    return 0;
  }
  if (line.kind === 'usage-error') {
    io.err(line.text);
    return 2;
  }
  try {
    return (await main(line.parsed, io)) ?? 0;
  } catch (error) {
    if (process.env.DEBUG) io.err(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    io.err(describeFailure(spec, error));
    return 1;
  }
}

/** A command's shell: runs it on the process's own arguments and sets the exit code. */
export async function runCommand(spec: CommandSpec, main: Main, argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  process.exitCode = await execute(spec, main, argv);
}
