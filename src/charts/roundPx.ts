/**
 * Every position a layout returns is rounded to a tenth of a pixel: finer than any screen shows, and
 * coarse enough that the rendered SVG is byte-for-byte stable across machines and snapshot tests.
 */
export function roundPx(value: number): number {
  // `+ 0` turns -0 into 0, which would otherwise print as "0" in SVG but differ in snapshots.
  return Math.round(value * 10) / 10 + 0;
}
