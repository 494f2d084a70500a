/**
 * The words around each chart of a place, by dataset: its title, its data table's headers and its
 * notes, as the place's page shows them (src/views/*.astro), for the chart images and embed pages.
 */
import type { ChartId } from '../derive/chartData.ts';
import type { ChartWords } from '../charts/datasetChart.ts';
import { fill } from './fill.ts';
import type { Dictionary } from './zh-CN.ts';

/** `children` names the place's children ("镇", "嘎查村"), for the charts that compare them. */
export function chartWords(text: Dictionary, id: ChartId, children: string): ChartWords {
  const words: Record<ChartId, ChartWords> = {
    'funds-by-child': { title: fill(text.chartFundsByChild, { children }), labelHeader: children, notes: [] },
    'funds-by-source': { title: text.chartFundsBySource, labelHeader: text.colSource, valueHeader: text.headerFunds, notes: [] },
    'funds-over-time': {
      title: text.chartFundsOverTime,
      labelHeader: text.colMonth,
      valueHeader: text.headerCumulative,
      notes: [text.chartFundsOverTimeNote],
    },
    'projects-by-sector': { title: text.chartProjectsBySector, labelHeader: text.colSector, valueHeader: text.headerProjects, notes: [] },
    'projects-by-stage': { title: text.chartProjectsByStage, labelHeader: text.colStage, valueHeader: text.headerProjects, notes: [] },
    'talent-by-kind': { title: text.chartTalentByKind, labelHeader: text.colKind, valueHeader: text.headerPeople, notes: [text.chartTalentNote] },
    'talent-by-child': { title: fill(text.chartTalentByChild, { children }), labelHeader: children, notes: [text.chartTalentNote] },
    'income-by-month': { title: text.chartIncomeByMonth, labelHeader: text.colMonth, valueHeader: text.headerIncome, notes: [text.chartIncomeNote] },
    'stages-by-month': { title: text.chartStagesByMonth, labelHeader: text.colMonth, notes: [] },
  };
  return words[id];
}
