/** The reported-versus-computed chart of a set of reported figures: one row per figure, and the files they come from. */
import { isMoneyUnit } from '../../format/formatFigure.ts';
import type { Bilingual } from '../../i18n/locale.ts';
import { figureId, type Reconciliation } from '../../read/reconcile.ts';

export type ComparisonRow = {
  key: string;
  label: Bilingual;
  kind: 'money' | 'count';
  qualifier: Reconciliation['qualifier'];
  /** Money stays exact fen; counts arrive in hundredths and are charted as plain numbers (12, not 1200). */
  reported: bigint | number;
  computed: bigint | number | null;
};

export function buildComparisonRows(figures: readonly Reconciliation[]): { rows: ComparisonRow[]; files: string[] } {
  const value = (hundredths: bigint, money: boolean) => (money ? hundredths : Number(hundredths) / 100);
  const rows = figures.map((figure): ComparisonRow => {
    const money = isMoneyUnit(figure.unit);
    return {
      key: figureId(figure),
      label: figure.label,
      kind: money ? 'money' : 'count',
      qualifier: figure.qualifier,
      reported: value(figure.reported, money),
      computed: figure.computed === undefined ? null : value(figure.computed, money),
    };
  });
  return { rows, files: [...new Set(figures.flatMap((f) => f.sources.map((s) => s.file)))] };
}
