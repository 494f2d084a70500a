/**
 * Ticks for a value axis: as many round values as fit without their labels touching.
 */
import type { ScaleLinear } from 'd3-scale';
import type { AxisTick, FormatValue } from './chartTypes.ts';
import { estimateTextWidth } from './estimateTextWidth.ts';
import { roundPx } from './roundPx.ts';

export type TickOptions = {
  /** A horizontal axis must leave room for each label's width; a vertical one for its line height. */
  orientation: 'horizontal' | 'vertical';
  formatTick: FormatValue;
  fontSize: number;
};

const GAP = 12;

export function linearTicks(scale: ScaleLinear<number, number>, options: TickOptions): AxisTick[] {
  const [start, end] = scale.range() as [number, number];
  const length = Math.abs(end - start);
  const spacing = options.orientation === 'vertical' ? options.fontSize * 2.5 : 60;
  for (let count = Math.max(1, Math.floor(length / spacing)); count >= 1; count -= 1) {
    const ticks = scale.ticks(count).map((value) => ({
      value,
      position: roundPx(scale(value)),
      label: options.formatTick(value),
    }));
    if (options.orientation === 'vertical' || count === 1 || fitsSideBySide(ticks, options.fontSize)) return ticks;
  }
  return [];
}

function fitsSideBySide(ticks: readonly AxisTick[], fontSize: number): boolean {
  return ticks.every((tick, index) => {
    const next = ticks[index + 1];
    if (next === undefined) return true;
    const halfWidths = (estimateTextWidth(tick.label, fontSize) + estimateTextWidth(next.label, fontSize)) / 2;
    return Math.abs(next.position - tick.position) >= halfWidths + GAP;
  });
}
