/**
 * npm run bench:pipeline [-- --sizes 1000,10000,100000 --rounds 3]
 *
 * How fast is the whole pipeline (decode → parse → map headers → coerce → validate → reconcile) next
 * to papaparse alone on the same bytes, and does its time grow linearly with the rows? Synthetic
 * regions of 1k, 10k and 100k villages are generated in memory, valid and seeded (same bytes on
 * every run), with funds ten times the villages and the other files in proportion.
 *
 * The baseline is what any CSV tool must do at least: turn the bytes into text (TextDecoder, UTF-8)
 * and split it into cells with papaparse. The target is a ratio of at least 0.5, and a time per row
 * that stays roughly constant from one size to the next. Not a timed test: it prints numbers.
 *
 * Each side is timed in a process of its own (this script again, with --side), in turns: papaparse,
 * pipeline, papaparse, … so that a slow moment of a shared machine falls on both alike. In one
 * process the two would share papaparse's code and what V8 learns at its call sites, and measure
 * neither as it runs in `npm run validate` and the build (docs/performance.md, "Method").
 */
import { median } from 'd3-array';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { formatHundredths } from '../src/format/money.ts';
import { BOM } from '../src/publish/toCsv.ts';
import { layOutTable } from '../src/format/layOutTable.ts';
import { loadDataset } from '../src/read/loadDataset.ts';
import { parseOrExit, wholeNumber } from './lib/command.ts';

const { values } = parseOrExit<{ sizes: string; rounds: string; side?: string; size?: string }>({
  name: 'npm run bench:pipeline',
  summary: {
    zh: '数据流水线基准：与仅用 papaparse 比较速度，并检查耗时是否随行数线性增长。',
    en: 'Pipeline benchmark: speed next to papaparse alone, and whether time grows linearly with the rows.',
  },
  options: {
    sizes: {
      type: 'string',
      default: '1000,10000,100000',
      value: 'n,n,…',
      description: { zh: '合成地区的嘎查村数，逗号分隔', en: 'Villages in each synthetic region, comma-separated' },
      check: (text) => (/^\d+(,\d+)*$/.test(text) ? undefined : { zh: '应为逗号分隔的整数', en: 'must be whole numbers separated by commas' }),
    },
    rounds: { type: 'string', default: '3', value: 'n', description: { zh: '每个规模的轮数', en: 'Rounds per size' }, check: wholeNumber(1) },
    // Internal: time one side for one size in this process and print its milliseconds per run.
    side: { type: 'string', value: 'papaparse|pipeline', description: { zh: '内部使用', en: 'Internal' } },
    size: { type: 'string', value: 'n', description: { zh: '内部使用', en: 'Internal' } },
  },
  exitCodes: { 1: { zh: '合成数据有问题或计时进程失败', en: 'the synthetic data has problems or a timing process failed' } },
});
const SIZES = values.sizes.split(',').map(Number);
const ROUNDS = Math.max(1, Number(values.rounds));
const SEED = 20211014;

/** mulberry32: small, seedable, and good enough to vary synthetic rows. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGION = '150627';
const AS_OF = '2021-10-14';
const VILLAGES_PER_TOWN = 500;
const SECTORS = ['农', '工', '商', '养'];
const STAGES = ['前期手续', '在建', '运营', '暂停'];
const SOURCE_KINDS = ['财政资金', '包联单位', '包联企业', '村集体', '其他'];
const TALENT_KINDS = ['大中专毕业生', '返乡农牧民', '退役军人', '本土人才', '科技特派员', '驻村干部'];
const NAME_PARTS = ['高', '勒', '庙', '乌', '兰', '木', '伦', '布', '拉', '格', '沙', '圪', '堵', '台', '尔', '壕', '巴', '音'];

type Region = { villages: number; files: Map<string, Uint8Array>; rows: number; bytes: number };

function csv(rows: (string | number)[][]): string {
  return `${BOM}${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
}

/** Amounts written the ways staff write them, so coercion does its real work; returns the fen too. */
function writeAmount(random: () => number): { text: string; fen: bigint } {
  const wan = 1 + Math.floor(random() * 500);
  switch (Math.floor(random() * 4)) {
    case 0:
      return { text: `${wan}万`, fen: BigInt(wan) * 1_000_000n };
    case 1:
      return { text: (wan * 10_000).toLocaleString('en-US'), fen: BigInt(wan) * 1_000_000n };
    case 2:
      return { text: `${wan * 10_000}.50`, fen: BigInt(wan) * 1_000_000n + 50n };
    default:
      return { text: String(wan * 10_000), fen: BigInt(wan) * 1_000_000n };
  }
}

function generateRegion(villageCount: number): Region {
  const random = seededRandom(SEED ^ villageCount);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const towns = Math.ceil(villageCount / VILLAGES_PER_TOWN);
  const townCodes = Array.from({ length: towns }, (_, t) => `${REGION}${String(t + 1).padStart(3, '0')}`);
  const villageCodes = Array.from(
    { length: villageCount },
    (_, v) => `${townCodes[Math.floor(v / VILLAGES_PER_TOWN)]}${String(100 + (v % VILLAGES_PER_TOWN)).padStart(3, '0')}`,
  );
  const name = (length: number) => Array.from({ length }, () => pick(NAME_PARTS)).join('');
  const date = (year: number) => `${year}-${String(1 + Math.floor(random() * 9)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;

  const point = () => [(109 + random()).toFixed(6), (39 + random()).toFixed(6)];
  const seats = townCodes.map(point);
  const divisions = [
    ['code', 'name', 'name_en', 'seat_lon_wgs84', 'seat_lat_wgs84'],
    ['15', '内蒙古自治区', 'Inner Mongolia Autonomous Region', '', ''],
    ['1506', '鄂尔多斯市', 'Ordos', '', ''],
    [REGION, '伊金霍洛旗', 'Ejin Horo Banner', '', ''],
    ...townCodes.map((code, t) => [code, `${name(3)}镇`, '', ...seats[t]!]),
  ];
  // As in the default data: one village in ten has a surveyed point, the others sit on their town's seat.
  const villages = [
    ['village_code', 'name', 'kind', 'lon_wgs84', 'lat_wgs84', 'location_precision', 'location_source', 'name_en'],
    ...villageCodes.map((code, v) => {
      const gacha = random() < 0.4;
      const surveyed = random() < 0.1;
      const [lon, lat] = surveyed ? point() : seats[Math.floor(v / VILLAGES_PER_TOWN)]!;
      return [code, `${name(3)}${gacha ? '嘎查' : '村'}`, gacha ? '嘎查' : '村', lon!, lat!, surveyed ? '实测点位' : '镇政府驻地', 'synthetic', ''];
    }),
  ];

  let investment = 0n;
  const projectIds: string[] = [];
  const projectVillage: string[] = [];
  const projects = [
    ['project_id', 'village_code', 'name', 'sector', 'investment_yuan', 'expected_annual_net_income_yuan', 'stage', 'start_date', 'provenance', 'note'],
  ];
  for (let p = 0; p < villageCount * 2; p++) {
    const id = `P${p + 1}`;
    const village = villageCodes[p % villageCount]!;
    const amount = writeAmount(random);
    investment += amount.fen;
    projectIds.push(id);
    projectVillage.push(village);
    projects.push([
      id,
      village,
      `${name(4)}项目`,
      pick(SECTORS),
      amount.text,
      random() < 0.5 ? `${1 + Math.floor(random() * 90)}万` : '',
      pick(STAGES),
      date(2020),
      '示意',
      '',
    ]);
  }

  // Before the funds: money from a paired unit or enterprise names the village's own, as the validator requires.
  const units = new Set<string>();
  const pairings = [
    ['village_code', 'unit_name', 'enterprise_name', 'since', 'provenance', 'note'],
    ...villageCodes.map((village, v) => {
      const unit = `第${v % 997}局`;
      units.add(unit);
      return [village, unit, random() < 0.8 ? `${name(2)}企业` : '', '2021-01-01', '示意', ''];
    }),
  ];

  const pairingOf = new Map(pairings.slice(1).map((row) => [row[0]!, row]));

  let funds = 0n;
  const fundRows: string[][] = [['fund_id', 'date', 'village_code', 'project_id', 'source_kind', 'source_name', 'amount_yuan', 'provenance', 'note']];
  for (let f = 0; f < villageCount * 10; f++) {
    const project = Math.floor(random() * projectIds.length);
    const tied = random() < 0.7;
    const amount = writeAmount(random);
    funds += amount.fen;
    const village = tied ? projectVillage[project]! : villageCodes[f % villageCount]!;
    const [, unit, enterprise] = pairingOf.get(village)!;
    let kind = pick(SOURCE_KINDS);
    if (kind === '包联企业' && enterprise === '') kind = '其他';
    const source = kind === '包联单位' ? unit! : kind === '包联企业' ? enterprise! : `${name(2)}公司`;
    fundRows.push([`F${f + 1}`, date(2021), village, tied ? projectIds[project]! : '', kind, source, amount.text, '示意', '']);
  }

  let commissioners = 0;
  const talent: (string | number)[][] = [['place_code', 'kind', 'count', 'as_of', 'provenance', 'note']];
  for (const village of villageCodes) {
    for (const kind of ['科技特派员', pick(TALENT_KINDS.slice(0, 4))]) {
      const count = 1 + Math.floor(random() * 5);
      if (kind === '科技特派员') commissioners += count;
      talent.push([village, kind, count, AS_OF, '示意', '']);
    }
  }

  const monthly = [['month', 'village_code', 'collective_income_yuan', 'stage', 'note', 'provenance']];
  for (const month of ['2021-07', '2021-08', '2021-09']) {
    for (const village of villageCodes) monthly.push([month, village, String(Math.floor(random() * 100) * 1000), pick(STAGES), '', '示意']);
  }

  const reportedRow = (key: string, value: string | number, unit: string) => [
    key,
    key,
    key,
    REGION,
    value,
    '准确值',
    unit,
    AS_OF,
    '合成数据 Synthetic',
    'bench',
    AS_OF,
    '',
    `${key} ${value}`,
  ];
  const reported = [
    [
      'key',
      'label_zh',
      'label_en',
      'scope_code',
      'value',
      'qualifier',
      'unit',
      'as_of',
      'source_title',
      'source_publisher',
      'source_date',
      'source_url',
      'quote',
    ],
    reportedRow('villages', villageCount, '个'),
    reportedRow('projects', projectIds.length, '个'),
    reportedRow('funds_yuan', formatHundredths(funds), '元'),
    reportedRow('projects_investment_yuan', formatHundredths(investment), '元'),
    reportedRow('commissioners', commissioners, '名'),
    reportedRow('paired_units', units.size, '个'),
  ];

  const texts: Record<string, string> = {
    'edition.csv': csv([
      ['region_code', 'as_of', 'note'],
      [REGION, AS_OF, 'synthetic benchmark region'],
    ]),
    'divisions.csv': csv(divisions),
    'villages.csv': csv(villages),
    'projects.csv': csv(projects),
    'funds.csv': csv(fundRows),
    'talent.csv': csv(talent),
    'pairings.csv': csv(pairings),
    'monthly.csv': csv(monthly),
    'reported.csv': csv(reported),
  };
  const encoder = new TextEncoder();
  const files = new Map(Object.entries(texts).map(([file, text]) => [file, encoder.encode(text)]));
  const rows = [divisions, villages, projects, fundRows, talent, pairings, monthly, reported].reduce((n, t) => n + t.length - 1, 1);
  const bytes = [...files.values()].reduce((n, b) => n + b.byteLength, 0);
  return { villages: villageCount, files, rows, bytes };
}

type Side = 'papaparse' | 'pipeline';

function runPapaparse(region: Region): void {
  const decoder = new TextDecoder('utf-8');
  for (const bytes of region.files.values()) Papa.parse<string[]>(decoder.decode(bytes), { header: false, skipEmptyLines: false });
}

function runPipeline(region: Region): void {
  loadDataset(region.files);
}

/**
 * One side in this process: warm-up runs that let the JIT compile it, then samples, each a batch of
 * runs lasting at least a third of a second and timed together, so that the collections of the
 * side's own garbage fall inside the timing. Small sizes, where noise weighs most, get more samples.
 */
function timeSide(side: Side, size: number): number {
  const region = generateRegion(size);
  const run = side === 'papaparse' ? () => runPapaparse(region) : () => runPipeline(region);
  const started = performance.now();
  run();
  const oneRunMs = performance.now() - started;
  const batch = Math.max(1, Math.ceil(300 / oneRunMs));
  const warmUps = size >= 100_000 ? 1 : 3;
  for (let i = 0; i < warmUps * batch; i += 1) run();
  const samples = size >= 100_000 ? 3 : Math.min(25, Math.max(5, Math.ceil(4000 / (oneRunMs * batch))));
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const sampleStarted = performance.now();
    for (let b = 0; b < batch; b += 1) run();
    times.push((performance.now() - sampleStarted) / batch);
  }
  return median(times) ?? NaN;
}

if (values.side !== undefined) {
  console.log(JSON.stringify({ ms: timeSide(values.side as Side, Number(values.size)) }));
  process.exit(0);
}

const SCRIPT = fileURLToPath(import.meta.url);

/** This script again, in a process of its own (with the same loader, tsx), timing one side. */
function timeInOwnProcess(side: Side, size: number): number {
  const child = spawnSync(process.execPath, [...process.execArgv, SCRIPT, '--side', side, '--size', String(size)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    console.error(`计时进程失败 · The timing process for ${side}, ${size} villages, failed:\n${child.stderr}`);
    process.exit(1);
  }
  return (JSON.parse(line) as { ms: number }).ms;
}

type Result = { region: Region; pipelineMs: number; papaMs: number };

const results: Result[] = [];
console.log(
  `流水线基准 · Pipeline benchmark: 每个规模 ${ROUNDS} 轮，每轮两边各一个进程，取中位数 · ${ROUNDS} rounds per size, each side in a process of its own per round, medians; seed ${SEED}\n`,
);

for (const size of SIZES) {
  const region = generateRegion(size);
  // The regions stand for data ready to publish: not one error or warning, every figure reconciled.
  const { report } = loadDataset(region.files);
  if (report.problems.length > 0) {
    console.error(`合成数据有 ${report.problems.length} 个问题 · Synthetic data for ${size} villages has ${report.problems.length} problems:`);
    for (const problem of report.problems.slice(0, 10)) console.error(`  ${problem.file} ${problem.row ?? ''} ${problem.message.zh} · ${problem.message.en}`);
    process.exit(1);
  }
  const papa: number[] = [];
  const pipeline: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    papa.push(timeInOwnProcess('papaparse', size));
    pipeline.push(timeInOwnProcess('pipeline', size));
  }
  results.push({ region, pipelineMs: median(pipeline) ?? NaN, papaMs: median(papa) ?? NaN });
  console.log(
    `  ${size.toLocaleString('en-US')} 村 villages: ${region.rows.toLocaleString('en-US')} 行 rows, ${(region.bytes / 1e6).toFixed(1)} MB — 完成 done`,
  );
}

const mbPerS = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);
const first = results[0];
const firstPerRow = first === undefined ? 1 : first.pipelineMs / first.region.rows;

const header = ['村数 Villages', '行数 Rows', 'MB', '流水线 Pipeline MB/s', '仅 papaparse MB/s', '比值 Ratio', '每行 µs/row', '增长 Growth ×'];
const table = results.map(({ region, pipelineMs, papaMs }) => [
  region.villages.toLocaleString('en-US'),
  region.rows.toLocaleString('en-US'),
  (region.bytes / 1e6).toFixed(1),
  mbPerS(region.bytes, pipelineMs).toFixed(1),
  mbPerS(region.bytes, papaMs).toFixed(1),
  (papaMs / pipelineMs).toFixed(2),
  ((pipelineMs * 1000) / region.rows).toFixed(2),
  (pipelineMs / region.rows / firstPerRow).toFixed(2),
]);
console.log(`\n${layOutTable(header, table).join('\n')}`);

const worstRatio = Math.min(...results.map((r) => r.papaMs / r.pipelineMs));
const perRow = results.map((r) => r.pipelineMs / r.region.rows);
// Linear growth means a time per row that does not rise with size: the largest rise over the
// smallest size's is the measure (a smaller time per row at larger sizes, from fixed costs spread thinner, is fine).
const growth = Math.max(...perRow.map((ms) => ms / perRow[0]!));
console.log(`
比值 = 流水线 MB/s ÷ papaparse MB/s（目标 ≥ 0.5）；增长 = 每行耗时 ÷ 最小规模的每行耗时（线性增长时约为 1）。
Ratio = pipeline MB/s ÷ papaparse MB/s (target ≥ 0.5); growth = time per row ÷ time per row at the smallest size (≈ 1 when growth is linear).
最低比值 Lowest ratio: ${worstRatio.toFixed(2)} ${worstRatio >= 0.5 ? '✓ 达标 meets the target' : '✗ 未达标 below the target'}
每行耗时最大增幅 Largest rise in time per row over the smallest size: ×${growth.toFixed(2)} ${growth <= 1.5 ? '✓ 近似线性 roughly linear' : '✗ 超线性 worse than linear'}`);
