/**
 * The chart components rendered to HTML with Astro's container API, compared to committed
 * snapshots, plus the properties a snapshot would not make obvious: accessible names, escaping,
 * no inline styles (a strict Content-Security-Policy blocks them).
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { beforeAll, describe, expect, test } from 'vitest';

// Imported by path at run time: plain `tsc` has no type declarations for .astro modules.
async function load(name: string): Promise<AstroComponentFactory> {
  const module = (await import(`../../src/components/charts/${name}.astro`)) as { default: AstroComponentFactory };
  return module.default;
}

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

async function render(name: string, props: Record<string, unknown>): Promise<string> {
  return container.renderToString(await load(name), { props });
}

/** One tag per line, so a snapshot diff points at the element that changed. */
const readable = (html: string): string => `${html.replace(/>\s*</g, '>\n<').trim()}\n`;

const TOWN_FUNDS = [
  { key: '150627100', label: '阿勒腾席热镇', value: 5_200_000_000n },
  { key: '150627101', label: '札萨克镇', value: 12_000_000_000n },
  { key: '150627102', label: '乌兰木伦镇', value: 800_000_00n },
  { key: '150627103', label: '纳林陶亥镇', value: 0n },
  { key: '150627104', label: '苏布尔嘎镇', value: 1_234_567n },
];

const barProps = {
  id: 'funds-by-town',
  title: '各镇落实帮扶资金',
  locale: 'zh-CN',
  kind: 'money',
  data: TOWN_FUNDS,
  source: '来源：示意数据',
  notes: ['示意数据，不是官方数字。'],
  csvHref: '/data/funds-by-town.csv',
  labelHeader: '镇',
  valueHeader: '资金',
};

const stackedProps = {
  id: 'funds-by-source',
  title: 'Funds by town and source',
  locale: 'en',
  kind: 'money',
  series: [
    { key: 'government', label: 'government finance' },
    { key: 'paired_enterprise', label: 'paired enterprise' },
    { key: 'village_collective', label: 'village collective' },
  ],
  data: [
    { key: 'a', label: 'Zhasake Town', values: { government: 10_000_000_000n, paired_enterprise: 2_600_000_000n } },
    { key: 'b', label: 'Hongqinghe Town', values: { government: 3_000_000_000n, village_collective: 500_000_00n } },
  ],
  labelHeader: 'Town',
};

const MONTHS = ['2021-05', '2021-06', '2021-07', '2021-08', '2021-09'];
const lineProps = {
  id: 'income-by-town',
  title: '各镇村集体经济收入（年内累计）',
  locale: 'zh-CN',
  kind: 'money',
  series: [
    { key: 'a', label: '札萨克镇', points: MONTHS.map((x, index) => ({ x, y: BigInt(index + 1) * 10_000_000n })) },
    { key: 'b', label: '红庆河镇', points: MONTHS.map((x, index) => ({ x, y: index === 2 ? null : BigInt(index) * 4_000_000n })) },
  ],
  timeHeader: '月份',
};

const comparisonProps = {
  id: 'reported-vs-computed',
  title: 'Reported figures and the data',
  locale: 'en',
  data: [
    { key: 'funds', label: 'Assistance funds', kind: 'money', reported: 37_000_000_000n, computed: 35_000_000_000n },
    { key: 'projects', label: 'Projects', kind: 'count', reported: 254, computed: 254 },
    { key: 'talent', label: 'Local talents', kind: 'count', reported: 800, computed: 812, qualifier: 'at-least' },
    { key: 'villages', label: 'Villages', kind: 'count', reported: 138, computed: null },
  ],
};

describe('snapshots', () => {
  test.each([
    ['BarChart', barProps],
    ['StackedBarChart', stackedProps],
    ['LineChart', lineProps],
    ['ComparisonChart', comparisonProps],
  ])('%s renders as committed', async (name, props) => {
    await expect(readable(await render(name, props))).toMatchFileSnapshot(`__snapshots__/${name}.html`);
  });

  test('LineChart renders a single running total as steps', async () => {
    const html = await render('LineChart', {
      id: 'funds-over-time',
      title: 'Funds secured over time',
      locale: 'en',
      kind: 'money',
      curve: 'step',
      series: [
        {
          key: 'total',
          label: '',
          points: [
            { x: '2021-03-01', y: 10_000_000_000n },
            { x: '2021-06-15', y: 26_000_000_000n },
            { x: '2021-10-14', y: 37_000_000_000n },
          ],
        },
      ],
    });
    await expect(readable(html)).toMatchFileSnapshot('__snapshots__/LineChart.step.html');
  });
});

describe('accessibility and safety', () => {
  test.each([
    ['BarChart', barProps],
    ['StackedBarChart', stackedProps],
    ['LineChart', lineProps],
    ['ComparisonChart', comparisonProps],
  ])('%s names its SVG by its title and describes it by a generated desc', async (name, props) => {
    const html = await render(name, props);
    const svg = /<svg class="chart-svg"[^>]*>/.exec(html)![0];
    expect(svg).toContain('role="img"');
    const titleId = /aria-labelledby="([^"]+)"/.exec(svg)![1]!;
    const descId = /aria-describedby="([^"]+)"/.exec(svg)![1]!;
    expect(html).toMatch(new RegExp(`<title id="${titleId}"[^>]*>${props.title.replace(/[()]/g, '\\$&')}</title>`));
    const desc = new RegExp(`<desc id="${descId}"[^>]*>([^<]+)</desc>`).exec(html)?.[1];
    expect(desc?.length).toBeGreaterThan(10);
    expect(html).toMatch(/<details class="chart-data"[^>]*>\s*<summary[^>]*>(查看数据表|Show data table)<\/summary>/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/<script/i);
  });

  test('describes the bars from the data, naming highest and lowest with their amounts', async () => {
    const html = await render('BarChart', barProps);
    expect(html).toContain('最高的是札萨克镇，1.2亿元；最低的是纳林陶亥镇，0元。');
  });

  test('shows exact amounts in the data table and the CSV link only when given', async () => {
    const html = await render('BarChart', barProps);
    expect(html).toMatch(/<th scope="row"[^>]*>苏布尔嘎镇<\/th>\s*<td class="numeric"[^>]*>12,345.67元<\/td>/);
    expect(html).toMatch(/<a href="\/data\/funds-by-town.csv" download[^>]*>下载本图数据（CSV）<\/a>/);
    expect(await render('BarChart', { ...barProps, csvHref: undefined })).not.toContain('download');
  });

  test('escapes markup in labels, titles, sources and notes instead of running it', async () => {
    const hostile = '<script>alert(1)</script>';
    const html = await render('BarChart', {
      ...barProps,
      title: `${hostile}标题`,
      source: hostile,
      notes: [hostile],
      data: [
        { key: 'x', label: `${hostile}村`, value: 100n },
        { key: 'y', label: '<img src=x onerror=alert(1)>', value: 200n },
      ],
    });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;村');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  test('a page can replace the fixed words and the generated description', async () => {
    const html = await render('BarChart', { ...barProps, description: '自定义描述', strings: { showTable: '数据' } });
    expect(html).toMatch(/<desc[^>]*>自定义描述<\/desc>/);
    expect(html).toMatch(/<summary[^>]*>数据<\/summary>/);
  });

  test('a stacked chart has a legend naming each series, with patterns defined once per chart', async () => {
    const html = await render('StackedBarChart', stackedProps);
    for (const label of ['government finance', 'paired enterprise', 'village collective']) expect(html).toMatch(new RegExp(`</svg>\\s*${label}\\s*</li>`));
    expect(html.match(/<pattern id="funds-by-source-pattern-1"/g)).toHaveLength(1);
    expect(html).toContain('fill="url(#funds-by-source-pattern-1)"');
  });

  test('the comparison chart states the verdict of each row in words', async () => {
    const html = await render('ComparisonChart', comparisonProps);
    for (const verdict of ['differs', 'matches', 'meets “at least”', 'missing']) expect(html).toContain(`>${verdict}</text>`);
    expect(html).toContain('Reported: at least 800');
    expect(html).toContain('Of 4 figures, 1 matches, 1 meets its reported lower bound, 1 differs and 1 lacks data.');
  });

  test('the comparison chart refuses a shared scale across different kinds of value', async () => {
    await expect(render('ComparisonChart', { ...comparisonProps, sharedScale: true })).rejects.toThrow(/shared scale/);
  });
});
