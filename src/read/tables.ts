/**
 * The data files staff edit, one table each. The schema is the type: every record type below is
 * inferred from its table, never written by hand.
 */
import type { z } from 'astro/zod';
import { code, date, decimal, defineTable, id, integer, money, month, number, oneOf, optional, text, url } from './field.ts';
import { FUND_SOURCE_KINDS, LOCATION_PRECISIONS, PROVENANCES, QUALIFIERS, SECTORS, STAGES, TALENT_KINDS, VILLAGE_KINDS } from '../model/vocabulary.ts';
import { codeLengthsOf } from '../model/divisionCode.ts';

const VILLAGE_CODE = codeLengthsOf('village');
const DIVISION_CODES = codeLengthsOf('province', 'city', 'county', 'town');
const PLACE_CODES = codeLengthsOf('province', 'city', 'county', 'town', 'village');

const villageCode = () =>
  code({
    header: '村代码',
    aliases: ['嘎查村代码', '村编码', '统计用区划代码', '区划代码', 'village'],
    description: { zh: '嘎查村的12位统计用区划代码', en: "The village's 12-digit statistical division code" },
    codeLengths: VILLAGE_CODE,
    example: '150627101225',
  });

const provenance = () =>
  optional(
    oneOf(PROVENANCES, {
      header: '数据性质',
      aliases: ['来源性质'],
      description: {
        zh: '官方：来自正式报告；示意：为演示生成，不是官方数据。空白视为官方',
        en: 'official: from an official report; illustrative: generated for demonstration, not official. Blank means official',
      },
    }),
  );

const note = () => optional(text({ header: '备注', aliases: ['说明', 'notes'], description: { zh: '备注', en: 'Free-text note' }, multiline: true }));

export const editionTable = defineTable({
  file: 'edition.csv',
  title: { zh: '数据版本', en: 'Edition' },
  description: {
    zh: '本数据集覆盖的地区与截止日期（一行）',
    en: 'The region this dataset covers and the date it is current to (one row)',
  },
  columns: {
    region_code: code({
      header: '地区代码',
      aliases: ['区划代码'],
      description: { zh: '本数据集覆盖地区的统计用区划代码（省、市、县或镇）', en: 'Statistical code of the region covered (province, city, county or town)' },
      codeLengths: DIVISION_CODES,
      example: '150627',
    }),
    as_of: date({
      header: '数据截止日期',
      aliases: ['截止日期', '截至日期'],
      description: { zh: '数据截止日期；任何日期都不得晚于它', en: 'The date the data is current to; no date in the data may be later' },
      example: '2021-10-14',
    }),
    note: note(),
  },
  primaryKey: ['region_code'],
  references: [{ columns: 'region_code', file: 'divisions.csv', key: 'code' }],
});

export const divisionsTable = defineTable({
  file: 'divisions.csv',
  title: { zh: '行政区划', en: 'Divisions' },
  description: {
    zh: '省、市、县、镇的代码与名称（来自国家统计局统计用区划代码）；层级由代码长度决定',
    en: 'Codes and names of provinces, cities, counties and towns (National Bureau of Statistics); the level follows from the code length',
  },
  columns: {
    code: code({
      header: '区划代码',
      aliases: ['代码', '统计用区划代码'],
      description: { zh: '2位省、4位市、6位县、9位镇', en: '2 digits province, 4 city, 6 county, 9 town' },
      codeLengths: DIVISION_CODES,
      example: '150627101',
    }),
    name: text({ header: '名称', aliases: ['区划名称'], description: { zh: '中文名称', en: 'Chinese name' }, example: '札萨克镇' }),
    name_en: optional(
      text({
        header: '英文名称',
        description: { zh: '英文名称；空白时用拼音', en: 'English name; pinyin is used when blank' },
        example: 'Ejin Horo Banner',
      }),
    ),
    seat_lon_wgs84: optional(
      number({ header: '驻地经度', description: { zh: '政府驻地经度（WGS-84）', en: 'Longitude of the seat (WGS-84)' }, minimum: -180, maximum: 180 }),
    ),
    seat_lat_wgs84: optional(
      number({ header: '驻地纬度', description: { zh: '政府驻地纬度（WGS-84）', en: 'Latitude of the seat (WGS-84)' }, minimum: -90, maximum: 90 }),
    ),
  },
  primaryKey: ['code'],
  // Every division but a province has its parent here too: the site names a place's whole chain.
  references: [{ columns: 'code', file: 'divisions.csv', key: 'code', match: 'parent' }],
});

export const villagesTable = defineTable({
  file: 'villages.csv',
  title: { zh: '嘎查村', en: 'Villages' },
  description: { zh: '每个嘎查村一行：代码、名称、类别、位置', en: 'One row per village: code, name, kind, location' },
  columns: {
    village_code: villageCode(),
    name: text({ header: '村名', aliases: ['嘎查村名称', '名称', '村名称'], description: { zh: '嘎查村名称', en: 'Village name' }, example: '高勒庙村' }),
    kind: oneOf(VILLAGE_KINDS, {
      header: '类别',
      aliases: ['类型'],
      description: {
        zh: '嘎查、村，或（青海、西藏、沿海）牧委会、渔委会',
        en: "gacha (嘎查) or village (村), or (Qinghai, Tibet, the coast) a herders' or fishers' committee",
      },
    }),
    lon_wgs84: number({
      header: '经度',
      aliases: ['经度（WGS-84）'],
      description: { zh: '经度（WGS-84）', en: 'Longitude (WGS-84)' },
      minimum: -180,
      maximum: 180,
    }),
    lat_wgs84: number({
      header: '纬度',
      aliases: ['纬度（WGS-84）'],
      description: { zh: '纬度（WGS-84）', en: 'Latitude (WGS-84)' },
      minimum: -90,
      maximum: 90,
    }),
    location_precision: oneOf(LOCATION_PRECISIONS, {
      header: '位置精度',
      description: {
        zh: '实测点位：已知村的位置；镇政府驻地：暂放在所属镇的驻地，待补充实测位置；县政府驻地：镇的驻地也不知道时，暂放在县（旗、区）的驻地；市政府驻地：县的驻地也不知道时，暂放在市（盟）的驻地',
        en: "surveyed: the village point is known; town-seat: placed at its town seat until staff supply a point; county-seat: placed at its county's seat when its town's is not known either; city-seat: at its city's seat when its county's is not known either",
      },
    }),
    location_source: optional(text({ header: '位置来源', description: { zh: '位置的来源', en: 'Where the location comes from' } })),
    name_en: optional(text({ header: '英文名称', description: { zh: '英文名称；空白时用拼音', en: 'English name; pinyin is used when blank' } })),
  },
  primaryKey: ['village_code'],
  references: [{ columns: 'village_code', file: 'divisions.csv', key: 'code', match: 'parent' }],
});

export const projectsTable = defineTable({
  file: 'projects.csv',
  title: { zh: '项目扶持', en: 'Projects' },
  description: { zh: '每个集体经济项目一行', en: 'One row per collective-economy project' },
  columns: {
    project_id: id({
      header: '项目编号',
      aliases: ['编号'],
      description: { zh: '项目编号，全表唯一', en: 'Project id, unique in the file' },
      example: 'P0001',
    }),
    village_code: villageCode(),
    name: text({ header: '项目名称', aliases: ['名称'], description: { zh: '项目名称', en: 'Project name' }, example: '汽车三产服务园区' }),
    sector: oneOf(SECTORS, {
      header: '产业类型',
      aliases: ['类型', '产业'],
      description: { zh: '农、工、商、养', en: 'farming, industry, commerce, herding' },
    }),
    investment_yuan: money({
      header: '总投资（元）',
      aliases: ['总投资', '投资（元）', '投资额'],
      description: { zh: '项目总投资（元）', en: 'Total investment (yuan)' },
      example: '2600万',
      reportedTotal: 'projects_investment_yuan',
    }),
    expected_annual_net_income_yuan: optional(
      money({
        header: '预计年纯收入（元）',
        aliases: ['预计年纯收入', '年纯收入（元）'],
        description: { zh: '预计年纯收入（元）', en: 'Expected annual net income (yuan)' },
        example: '80万',
        reportedTotal: 'projects_expected_annual_net_income_yuan',
      }),
    ),
    stage: oneOf(STAGES, {
      header: '进展阶段',
      aliases: ['状态', '项目状态', '阶段'],
      description: { zh: '谋划、前期手续、在建、运营、暂停', en: 'planning, preliminary procedures, under construction, operating, suspended' },
    }),
    start_date: date({ header: '开始日期', aliases: ['启动日期', '开工日期'], description: { zh: '项目开始日期', en: 'Start date' }, example: '2021-03-01' }),
    provenance: provenance(),
    note: note(),
  },
  primaryKey: ['project_id'],
  references: [{ columns: 'village_code', file: 'villages.csv', key: 'village_code' }],
});

export const fundsTable = defineTable({
  file: 'funds.csv',
  title: { zh: '帮扶资金', en: 'Funds' },
  description: { zh: '每笔落实的帮扶资金一行', en: 'One row per amount of assistance funds secured' },
  columns: {
    fund_id: id({ header: '资金编号', aliases: ['编号'], description: { zh: '资金编号，全表唯一', en: 'Fund id, unique in the file' }, example: 'F00001' }),
    date: date({ header: '日期', aliases: ['落实日期', '到位日期'], description: { zh: '资金落实日期', en: 'Date secured' }, example: '2021-05-20' }),
    village_code: villageCode(),
    project_id: optional(id({ header: '项目编号', description: { zh: '资金用于的项目（可空）', en: 'Project the money is for (optional)' } })),
    source_kind: oneOf(FUND_SOURCE_KINDS, {
      header: '资金来源类别',
      aliases: ['来源类别', '来源类型'],
      description: { zh: '财政资金、包联单位、包联企业、村集体、其他', en: 'government finance, paired unit, paired enterprise, village collective, other' },
    }),
    source_name: text({
      header: '资金来源',
      aliases: ['来源', '出资方', '来源名称'],
      description: {
        zh: '出资单位或企业名称（包联单位、包联企业按 pairings.csv 的写法）',
        en: 'Name of the funder (a paired unit or enterprise as pairings.csv names it)',
      },
      example: '电信公司',
    }),
    amount_yuan: money({
      header: '金额（元）',
      aliases: ['金额', '资金（元）', '金额(元)'],
      description: { zh: '金额（元）；可写 80万、1.5亿、1,234.50', en: 'Amount (yuan); 80万, 1.5亿 and 1,234.50 are accepted' },
      example: '80万',
      reportedTotal: 'funds_yuan',
    }),
    provenance: provenance(),
    note: note(),
  },
  primaryKey: ['fund_id'],
  references: [
    { columns: 'village_code', file: 'villages.csv', key: 'village_code' },
    { columns: 'project_id', file: 'projects.csv', key: 'project_id' },
  ],
  checks: [
    { zh: '填了 `project_id` 时，该项目必须属于本行的嘎查村', en: 'A `project_id` must be a project of the row’s own village' },
    {
      zh: '`source_kind` 为包联单位或包联企业时，该村必须在 `pairings.csv` 中，`source_name` 必须与那里的包联单位或包联企业一字不差',
      en: 'When `source_kind` is a paired unit or enterprise, the village must be in `pairings.csv` and `source_name` must be exactly the unit or enterprise named there',
    },
  ],
});

export const talentTable = defineTable({
  file: 'talent.csv',
  title: { zh: '人才扶持', en: 'Talent' },
  description: { zh: '按地点（镇或嘎查村）和类别统计的人才数', en: 'Talent counts by place (town or village) and kind' },
  columns: {
    place_code: code({
      header: '地点代码',
      aliases: ['区划代码', '村代码', '镇代码'],
      description: { zh: '镇（9位）或嘎查村（12位）代码', en: 'Town (9-digit) or village (12-digit) code' },
      codeLengths: PLACE_CODES,
      example: '150627101',
    }),
    kind: oneOf(TALENT_KINDS, {
      header: '人才类别',
      aliases: ['类别'],
      description: {
        zh: '大中专毕业生、返乡农牧民、退役军人、本土人才、科技特派员、驻村干部',
        en: 'graduates, returning farmers and herders, veterans, local talents, S&T commissioners, resident cadres',
      },
    }),
    count: integer({ header: '人数', aliases: ['数量'], description: { zh: '人数', en: 'Number of people' }, example: '12' }),
    as_of: date({ header: '统计日期', aliases: ['截止日期'], description: { zh: '统计截止日期', en: 'Counted as of' } }),
    provenance: provenance(),
    note: note(),
  },
  primaryKey: ['place_code', 'kind', 'as_of'],
  references: [{ columns: 'place_code', file: 'villages.csv', key: 'village_code', also: { file: 'divisions.csv', key: 'code' } }],
});

export const pairingsTable = defineTable({
  file: 'pairings.csv',
  title: { zh: '包联帮扶', en: 'Pairings' },
  description: { zh: '每个嘎查村的包联单位和包联企业', en: "Each village's paired unit and paired enterprise" },
  columns: {
    village_code: villageCode(),
    unit_name: text({
      header: '包联单位',
      aliases: ['帮扶单位'],
      description: { zh: '包联单位（办手续）', en: 'Paired government or public unit (handles procedures)' },
      example: '税务局',
    }),
    enterprise_name: optional(
      text({
        header: '包联企业',
        aliases: ['帮扶企业'],
        description: { zh: '包联企业（出资金）', en: 'Paired enterprise (provides funds)' },
        example: '电信公司',
      }),
    ),
    since: optional(date({ header: '包联开始日期', aliases: ['开始日期'], description: { zh: '包联开始日期', en: 'Paired since' } })),
    provenance: provenance(),
    note: note(),
  },
  primaryKey: ['village_code'],
  references: [{ columns: 'village_code', file: 'villages.csv', key: 'village_code' }],
});

export const monthlyTable = defineTable({
  file: 'monthly.csv',
  title: { zh: '按月调度', en: 'Monthly review' },
  description: { zh: '每月每个嘎查村一行：集体经济收入与进展阶段', en: 'One row per village per month: collective income and stage' },
  columns: {
    month: month({ header: '月份', aliases: ['调度月份'], description: { zh: '调度月份', en: 'Month reviewed' }, example: '2021-09' }),
    village_code: villageCode(),
    collective_income_yuan: money({
      header: '集体经济收入（元）',
      aliases: ['集体收入（元）', '集体经济收入', '年内累计收入（元）'],
      description: { zh: '本年截至该月的村集体经济收入（元）', en: 'Collective income this year to the end of the month (yuan)' },
    }),
    stage: oneOf(STAGES, {
      header: '进展阶段',
      aliases: ['阶段', '状态'],
      description: { zh: '集体经济项目总体进展阶段', en: 'Overall stage of the collective economy' },
    }),
    note: note(),
    provenance: provenance(),
  },
  primaryKey: ['month', 'village_code'],
  references: [{ columns: 'village_code', file: 'villages.csv', key: 'village_code' }],
});

export const reportedTable = defineTable({
  file: 'reported.csv',
  title: { zh: '官方报告数字', en: 'Reported figures' },
  description: { zh: '官方公布的每个数字及其出处', en: 'Every officially reported figure and its source' },
  columns: {
    key: id({
      header: '指标',
      aliases: ['指标代码'],
      description: { zh: '指标代码（如 funds_yuan）', en: 'Figure key (e.g. funds_yuan)' },
      example: 'funds_yuan',
    }),
    label_zh: text({ header: '指标名称', description: { zh: '中文名称', en: 'Chinese label' } }),
    label_en: text({ header: '英文名称', description: { zh: '英文名称', en: 'English label' } }),
    scope_code: code({
      header: '地区代码',
      aliases: ['区划代码'],
      description: { zh: '数字所指的地区', en: 'The place the figure is about' },
      codeLengths: PLACE_CODES,
    }),
    project_id: optional(
      id({
        header: '项目编号',
        description: {
          zh: '数字只关于这一个项目时填写（如“某园区筹措资金”）；空白：关于整个地区',
          en: 'Fill in when the figure is about this one project (such as "funds raised for a park"); blank: the whole place',
        },
        example: 'P0001',
      }),
    ),
    category: optional(
      text({
        header: '类别',
        description: {
          zh: '数字只关于一个类别时填写：项目为行业（农、工、商、养…），资金为来源类型（财政资金、包联企业…），嘎查村为类型（嘎查、村）',
          en: 'Fill in when the figure is about one category: a sector for projects, a kind of source for funds, a kind for villages',
        },
        example: '财政资金',
      }),
    ),
    value: decimal({ header: '数值', aliases: ['值'], description: { zh: '数值（最多两位小数）', en: 'Value (up to two decimals)' }, example: '1.5亿' }),
    qualifier: oneOf(QUALIFIERS, {
      header: '限定',
      aliases: ['精度'],
      description: { zh: '准确值；或“以上”（如“百余”）', en: 'exact, or at-least (as in “百余”)' },
    }),
    unit: text({ header: '单位', description: { zh: '单位（元、个、名、家、平方公里）', en: 'Unit' }, example: '元' }),
    as_of: date({ header: '截止日期', aliases: ['统计日期'], description: { zh: '数字的截止日期', en: 'Date the figure is as of' } }),
    source_title: text({ header: '来源标题', description: { zh: '出处标题', en: 'Source title' } }),
    source_publisher: text({ header: '发布者', aliases: ['来源'], description: { zh: '发布者', en: 'Publisher' } }),
    source_date: date({ header: '发布日期', description: { zh: '发布日期', en: 'Publication date' } }),
    source_url: optional(url({ header: '来源链接', aliases: ['链接', '网址'], description: { zh: '出处链接', en: 'Source URL' } })),
    quote: text({ header: '原文', aliases: ['原文摘录'], description: { zh: '原文摘录', en: 'The quoted words' }, multiline: true }),
  },
  primaryKey: ['key', 'scope_code', 'project_id', 'category'],
  references: [
    { columns: 'scope_code', file: 'divisions.csv', key: 'code', also: { file: 'villages.csv', key: 'village_code' } },
    { columns: 'project_id', file: 'projects.csv', key: 'project_id' },
  ],
  checks: [
    {
      zh: '数字按其所指计算：填了 `project_id` 时只算该项目（该项目须在本行地区之内），填了 `category` 时只算该类别',
      en: 'A figure is computed at its own scope: with a `project_id`, from that project alone (which must lie in the place); with a `category`, from that category alone',
    },
  ],
});

/** Every data file, in the order the data dictionary lists them. */
export const TABLES = [
  editionTable,
  divisionsTable,
  villagesTable,
  projectsTable,
  fundsTable,
  talentTable,
  pairingsTable,
  monthlyTable,
  reportedTable,
] as const;

export type Edition = z.infer<typeof editionTable.schema>;
export type Division = z.infer<typeof divisionsTable.schema>;
export type Village = z.infer<typeof villagesTable.schema>;
export type Project = z.infer<typeof projectsTable.schema>;
export type Fund = z.infer<typeof fundsTable.schema>;
export type Talent = z.infer<typeof talentTable.schema>;
export type Pairing = z.infer<typeof pairingsTable.schema>;
export type MonthlyReview = z.infer<typeof monthlyTable.schema>;
export type Reported = z.infer<typeof reportedTable.schema>;

/** A record with the spreadsheet row it came from, so every figure can be traced to its rows. */
export type Sourced<T> = T & { readonly row: number };

/** Every file's typed records, once each file has been read and validated. */
export type Records = {
  edition: Sourced<Edition>[];
  divisions: Sourced<Division>[];
  villages: Sourced<Village>[];
  projects: Sourced<Project>[];
  funds: Sourced<Fund>[];
  talent: Sourced<Talent>[];
  pairings: Sourced<Pairing>[];
  monthly: Sourced<MonthlyReview>[];
  reported: Sourced<Reported>[];
};

/** The key of each table in `Records`, by file name. */
export const RECORD_KEYS = {
  'edition.csv': 'edition',
  'divisions.csv': 'divisions',
  'villages.csv': 'villages',
  'projects.csv': 'projects',
  'funds.csv': 'funds',
  'talent.csv': 'talent',
  'pairings.csv': 'pairings',
  'monthly.csv': 'monthly',
  'reported.csv': 'reported',
} as const satisfies Record<(typeof TABLES)[number]['file'], keyof Records>;
