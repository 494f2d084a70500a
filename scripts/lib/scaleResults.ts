/**
 * bench:scale's figures and how they read: one row per region beside issue 18's targets (met / not
 * met, in both languages), the growth in time per page from the smallest region to the largest, and
 * the JSON a run can keep. Pure: the measuring is scripts/benchScale.ts's.
 */
import type { Level } from '../../src/model/divisionCode.ts';

export type RegionResult = {
  code: string;
  level: Level;
  /** Wall time of init-region and data:sample, in process. */
  prepareMs: number;
  /** HTML pages in the built dist/. */
  pages: number;
  /** Every file in the built dist/ (pages, data files, pictures): what Astro and the disk spend time on. */
  files: number;
  /** Wall time of scripts/build.ts: validation, Astro, the PNGs. */
  buildMs: number;
  /** Wall time of a bare Astro build of as many trivial pages, measured in the same run. */
  bareMs: number;
  /** Peak resident memory of the build's process tree; undefined where /proc cannot be read. */
  peakRssBytes: number | undefined;
  distBytes: number;
  /** The build's own line about its pictures (rendered, from the cache), as printed. */
  pictures: string | undefined;
};

/** The seconds the build spent on its PNGs, read from its pictures line (`… in 641.4 s`); undefined without one. */
export function pictureMs(line: string | undefined): number | undefined {
  const seconds = line === undefined ? undefined : /in ([\d.]+) s$/.exec(line)?.[1];
  return seconds === undefined ? undefined : Number(seconds) * 1000;
}

/** Issue 18: a ratio to bare Astro of at most 2 at every size; the province in 10 minutes, in 4 GB; time per page flat. */
export const TARGETS = { ratio: 2, provinceBuildMs: 10 * 60 * 1000, peakRssBytes: 4e9 } as const;

const MB = 1e6;

export const verdict = (met: boolean): string => (met ? '✓ 达标 met' : '✗ 未达标 not met');

export const msPerPage = (result: RegionResult): number => result.buildMs / result.pages;
export const ratioOf = (result: RegionResult): number => result.buildMs / result.bareMs;
/** The ratio with the first render of the PNGs left out: what a rebuild whose pictures are cached costs. */
export const ratioWithoutPicturesOf = (result: RegionResult): number => (result.buildMs - (pictureMs(result.pictures) ?? 0)) / result.bareMs;

export type Growth = { from: string; to: string; factor: number };

/** Time per page of the last region over the first's (county → province when run in the default order). */
export function growthOf(results: readonly RegionResult[], limit: number): (Growth & { met: boolean }) | undefined {
  const first = results[0];
  const last = results.at(-1);
  if (first === undefined || last === undefined || results.length < 2) return undefined;
  const factor = msPerPage(last) / msPerPage(first);
  return { from: first.code, to: last.code, factor, met: factor <= limit };
}

export const SCALE_HEADER = [
  '地区 Region',
  '页面 Pages',
  '文件 Files',
  '构建 Build s',
  '每页 ms/page',
  '其中图片 Of which PNGs s',
  '空白 Astro Bare s',
  `比值 Ratio (≤ ${TARGETS.ratio})`,
  '不含图片 Ratio without PNGs',
  `峰值内存 Peak RSS MB (≤ ${TARGETS.peakRssBytes / MB})`,
  'dist/ MB',
  `省级构建 Province build (≤ ${TARGETS.provinceBuildMs / 60000} min)`,
];

/** One row per region, each measurement with its target's verdict beside it. */
export function scaleRows(results: readonly RegionResult[]): string[][] {
  return results.map((result) => {
    const ratio = ratioOf(result);
    const rss = result.peakRssBytes;
    return [
      `${result.code} (${result.level})`,
      String(result.pages),
      String(result.files),
      (result.buildMs / 1000).toFixed(1),
      msPerPage(result).toFixed(1),
      pictureMs(result.pictures) === undefined ? '—' : (pictureMs(result.pictures)! / 1000).toFixed(1),
      (result.bareMs / 1000).toFixed(1),
      `${ratio.toFixed(2)} ${verdict(ratio <= TARGETS.ratio)}`,
      ratioWithoutPicturesOf(result).toFixed(2),
      rss === undefined ? '—' : `${(rss / MB).toFixed(0)} ${verdict(rss <= TARGETS.peakRssBytes)}`,
      (result.distBytes / MB).toFixed(1),
      result.level === 'province' ? `${(result.buildMs / 60000).toFixed(1)} min ${verdict(result.buildMs <= TARGETS.provinceBuildMs)}` : '—',
    ];
  });
}

/** The line about growth: a factor and its verdict, or why there is none. */
export function growthLine(results: readonly RegionResult[], limit: number): string {
  const growth = growthOf(results, limit);
  if (growth === undefined) return '每页耗时增幅：需要至少两个地区 · Growth in time per page: needs at least two regions';
  return (
    `每页耗时增幅 · Growth in time per page, ${growth.from} → ${growth.to}: ×${growth.factor.toFixed(2)} ` +
    `(≤ ×${limit} 视为线性 counts as linear) ${verdict(growth.met)}`
  );
}

/** What --out writes: the run's figures, verdicts included, for docs/bench/. */
export function scaleJson(results: readonly RegionResult[], meta: Record<string, unknown>, limit: number): unknown {
  const growth = growthOf(results, limit);
  return {
    ...meta,
    targets: { ...TARGETS, growthPerPage: limit },
    regions: results.map((result) => ({
      ...result,
      msPerPage: msPerPage(result),
      ratio: ratioOf(result),
      ratioWithoutPictures: ratioWithoutPicturesOf(result),
      picturesMs: pictureMs(result.pictures) ?? null,
      met: {
        ratio: ratioOf(result) <= TARGETS.ratio,
        peakRss: result.peakRssBytes === undefined ? null : result.peakRssBytes <= TARGETS.peakRssBytes,
        ...(result.level === 'province' ? { provinceBuild: result.buildMs <= TARGETS.provinceBuildMs } : {}),
      },
    })),
    growth: growth ?? null,
  };
}
