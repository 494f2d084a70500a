/**
 * README.md of an edition's zip: what the dataset is, its region, edition and dates, every file with
 * its rows (official and illustrative), its licences and how to cite it, in Chinese and then English.
 * Made from the edition's frozen files alone (its datapackage.json gives the title, each file's rows and
 * the licences it was released under; divisions.csv the region's names), with no page text and no clock,
 * so the README of a released edition is the same at every build. Its words live here, not in the site's
 * dictionaries: the zip is a file of its own, and rewording a page must not change a released archive.
 */
import type { Bilingual } from '../i18n/locale.ts';
import { fill } from '../i18n/fill.ts';
import { formatCount, formatDate } from '../format/formatNumber.ts';
import { citeDatasetApa, citeDatasetGbt } from '../format/citation.ts';
import { ancestorsOf } from '../model/divisionCode.ts';
import { FIGURES_FILE, MANIFEST_FILE, PACKAGE_FILE } from '../model/editionManifest.ts';
import { PROVENANCES } from '../model/vocabulary.ts';
import type { Records } from '../read/tables.ts';
import { splitBoth, type DataPackage, type License } from './describePackage.ts';

export const DATASET_README = 'README.md';

export type DatasetAbout = {
  /** The edition's records, for the region's names. */
  records: Records;
  /** The edition's datapackage.json, as frozen (or, for a preview, as a release would freeze it). */
  descriptor: DataPackage;
  edition: string;
  asOf: string;
  /** The day it was released; undefined for data not released (a preview, not to be cited). */
  released: string | undefined;
  note: Bilingual | undefined;
  /** The edition's own page (for a preview, the data page), absolute. */
  url: string;
  /** The files beside the README, in the zip's order. */
  files: readonly string[];
};

const OTHER_FILES: Record<string, Bilingual> = {
  [PACKAGE_FILE]: {
    zh: '按 Frictionless Data Package 规范描述每个文件的列、类型、约束、来源和许可',
    en: 'every file’s columns, types, constraints, sources and licences, as a Frictionless Data Package',
  },
  [FIGURES_FILE]: {
    zh: '核对后的主要数字：报告数、计算数、核对结果和所用的行（金额为精确小数文本）',
    en: 'the reconciled headline figures: reported, computed, status and rows used (amounts as exact decimal text)',
  },
  [MANIFEST_FILE]: {
    zh: '版本清单：版本号、截止日期、发布日期、说明，以及其余每个文件的 SHA-256 和字节数',
    en: 'the manifest: id, as-of date, release day, note, and every other file’s SHA-256 and size in bytes',
  },
};

const WORDS = {
  edition: { zh: '数据版本', en: 'Edition' },
  whatTitle: { zh: '这是什么', en: 'What this is' },
  what: {
    zh: '{region}（统计用区划代码 {code}）乡村振兴进展的公开数据：各嘎查村的项目、资金、人才、包联和按月调度，以及官方报告的数字和它们与数据的核对。本压缩包是数据版本 {edition} 的全部文件，数据截止{asOf}。',
    en: 'Open data on rural revitalization progress in {region} (statistical division code {code}): the projects, funds, talent, pairings and monthly reviews of each village, and the officially reported figures with their reconciliation against the data. This archive holds every file of edition {edition}, with data as of {asOf}.',
  },
  released: {
    zh: '本版发布于{released}，此后永不改变；更正会作为新的版本发布。',
    en: 'It was released on {released} and never changes; a correction is released as a new edition.',
  },
  preview: {
    zh: '注意：这是尚未发布的数据的预览，不是已发布的版本，请勿引用。',
    en: 'Note: this is a preview of data not yet released, not a released edition: do not cite it.',
  },
  note: { zh: '本版说明：{note}', en: 'About this edition: {note}' },
  page: { zh: '网页：{url}', en: 'Web page: {url}' },
  filesTitle: { zh: '文件', en: 'Files' },
  encoding: {
    zh: "CSV 文件为 UTF-8 编码（带 BOM，Excel 可直接打开），第一行是列名；每一列的含义见 `datapackage.json`。以 `=`、`+`、`-`、`@` 开头的文字前加了 `'`，以免电子表格把它当作公式。",
    en: "The CSV files are UTF-8 with a byte-order mark (Excel opens them as they are), with column names in the first row; `datapackage.json` defines every column. Text starting with `=`, `+`, `-` or `@` has a leading `'`, so that no spreadsheet runs it as a formula.",
  },
  rows: { zh: '{rows} 行，其中官方 {official} 行、示意 {illustrative} 行', en: '{rows} rows: {official} official, {illustrative} illustrative' },
  oneRow: { zh: '1 行，其中官方 {official} 行、示意 {illustrative} 行', en: '1 row: {official} official, {illustrative} illustrative' },
  illustrativeTitle: { zh: '示意数据', en: 'Illustrative rows' },
  illustrative: {
    zh: '`provenance` 列为“{illustrative}”的行是按官方报告的总数生成的示意数据，不是任何嘎查村、单位或企业的事实，不得作为事实引用；为“{official}”或空白的行来自所注明的官方来源。每个文件有多少示意行，见上面的文件列表。',
    en: 'Rows whose `provenance` is “{illustrative}” (illustrative) are generated to agree with the officially reported totals: they are not facts about any village, unit or company and must not be cited as such. Rows marked “{official}” (official) or blank come from the official source named. How many rows of each file are illustrative is listed above.',
  },
  illustrativeNone: { zh: '本版没有示意数据：每一行都来自官方来源。', en: 'This edition has no illustrative rows: every row comes from an official source.' },
  licencesTitle: { zh: '许可', en: 'Licences' },
  licences: { zh: '本数据集按以下许可发布：', en: 'The dataset is published under these licences:' },
  licenceFiles: { zh: '各文件适用的许可：', en: 'Each file’s licences:' },
  licenceNote: {
    zh: '统计用区划代码和名称由国家统计局公布，本项目不主张任何权利；报告数字是事实，`reported.csv` 摘录的原文仅用于注明出处，版权归原发布者所有。',
    en: 'Statistical division codes and names are published by the National Bureau of Statistics of China; this project claims no rights in them. Reported figures are facts; the words `reported.csv` quotes only show where each comes from and remain their publisher’s.',
  },
  citeTitle: { zh: '引用', en: 'How to cite' },
  citeGbt: { zh: 'GB/T 7714-2015（电子资源）：', en: 'GB/T 7714-2015 (electronic resource):' },
  citeApa: { zh: 'APA：', en: 'APA:' },
  citeAccess: {
    zh: '把 [引用日期] 换成您访问的日期（YYYY-MM-DD）。请引用版本号：同一版本号的数据永不改变。',
    en: 'Replace [引用日期] with the day you accessed it (YYYY-MM-DD). Cite the edition id: the data of an edition never changes.',
  },
} satisfies Record<string, Bilingual>;

type Lang = 'zh' | 'en';
const LOCALE = { zh: 'zh-CN', en: 'en' } as const;

/** The region's full name, from the province down (`内蒙古自治区鄂尔多斯市伊金霍洛旗`; in English from the region up). */
function regionName(records: Records, code: string, lang: Lang): string {
  const byCode = new Map(records.divisions.map((d) => [d.code, d]));
  const chain = [...ancestorsOf(code), code].map((c) => byCode.get(c)).filter((d) => d !== undefined);
  if (chain.length === 0) return code;
  return lang === 'zh'
    ? chain.map((d) => d.name).join('')
    : chain
        .map((d) => d.name_en ?? d.name)
        .reverse()
        .join(', ');
}

/** The package's licences, then each file's own terms (a licence titled otherwise for one file says how). */
function licenceLines(descriptor: DataPackage, lang: Lang): string[] {
  const line = (licence: License) => `**${licence.name}** (${licence.title}) ${licence.path}`;
  const titles = new Map(descriptor.licenses.map((licence) => [licence.name, licence.title]));
  const own = descriptor.resources.flatMap((resource) => {
    if (resource.licenses === undefined) return [];
    const named = resource.licenses.map((licence) => (titles.get(licence.name) === licence.title ? licence.name : `${licence.name} (${licence.title})`));
    return [`- \`${resource.path}\`: ${named.join(', ')}`];
  });
  return [...descriptor.licenses.map((licence) => `- ${line(licence)}`), ...(own.length === 0 ? [] : ['', WORDS.licenceFiles[lang], '', ...own])];
}

function section(about: DatasetAbout, lang: Lang): string[] {
  const { records, descriptor, edition, asOf, released, note, url, files } = about;
  const w = (key: keyof typeof WORDS) => WORDS[key][lang];
  const locale = LOCALE[lang];
  const code = records.edition[0]?.region_code ?? '';
  const colon = lang === 'zh' ? '：' : ': ';
  const resources = new Map(descriptor.resources.map((resource) => [resource.path, resource]));
  const fileLines = files.map((file) => {
    const resource = resources.get(file);
    if (resource === undefined) return `- \`${file}\`${colon}${OTHER_FILES[file]?.[lang] ?? ''}`;
    const { rows, officialRows } = resource;
    const counts = fill(w(rows === 1 ? 'oneRow' : 'rows'), {
      rows: formatCount(rows, locale),
      official: formatCount(officialRows, locale),
      illustrative: formatCount(rows - officialRows, locale),
    });
    const [title, description] = [splitBoth(resource.title)[lang], splitBoth(resource.description)[lang]];
    return lang === 'zh' ? `- \`${file}\`（${title}）：${description}。${counts}` : `- \`${file}\` (${title}): ${description}. ${counts}`;
  });
  const anyIllustrative = descriptor.resources.some((resource) => resource.officialRows < resource.rows);
  const cite = { title: splitBoth(descriptor.title), edition, url };
  return [
    `## ${lang === 'zh' ? '中文' : 'English'}`,
    '',
    `### ${w('whatTitle')}`,
    '',
    fill(w('what'), { region: regionName(records, code, lang), code, edition: `\`${edition}\``, asOf: formatDate(asOf, locale) }),
    '',
    released === undefined ? w('preview') : fill(w('released'), { released: formatDate(released, locale) }),
    ...(note === undefined ? [] : ['', fill(w('note'), { note: note[lang] })]),
    '',
    fill(w('page'), { url }),
    '',
    `### ${w('filesTitle')}`,
    '',
    ...fileLines,
    '',
    w('encoding'),
    '',
    `### ${w('illustrativeTitle')}`,
    '',
    anyIllustrative ? fill(w('illustrative'), { illustrative: PROVENANCES.illustrative.zh, official: PROVENANCES.official.zh }) : w('illustrativeNone'),
    '',
    `### ${w('licencesTitle')}`,
    '',
    w('licences'),
    '',
    ...licenceLines(descriptor, lang),
    '',
    w('licenceNote'),
    ...(released === undefined
      ? []
      : [
          '',
          `### ${w('citeTitle')}`,
          '',
          w('citeGbt'),
          '',
          `    ${citeDatasetGbt({ ...cite, released })}`,
          '',
          w('citeApa'),
          '',
          `    ${citeDatasetApa({ ...cite, released })}`,
          '',
          w('citeAccess'),
        ]),
  ];
}

/** The README's text: a title in both languages, then the Chinese section, then the English one. */
export function datasetReadme(about: DatasetAbout): string {
  const { descriptor, edition } = about;
  const title = splitBoth(descriptor.title);
  return [
    `# ${title.zh} · ${title.en}`,
    '',
    `${WORDS.edition.zh} · ${WORDS.edition.en}: \`${edition}\``,
    '',
    ...section(about, 'zh'),
    '',
    ...section(about, 'en'),
    '',
  ].join('\n');
}
