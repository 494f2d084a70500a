/**
 * One rendering thread of scripts/lib/rasterize.ts: renders each SVG it is sent at its density with
 * resvg and the font files it was started with, writes the PNG (encodePng.ts) beside its target and
 * renames it in, so a half-written PNG is never seen under its name.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import { encodePng } from './encodePng.ts';

export type RenderJob = { svg: string; density: number; out: string };
export type RenderSetup = { fonts: string[]; family: string };
export type RenderResult = { ok: true } | { ok: false; error: string };

const { fonts, family } = workerData as RenderSetup;

parentPort?.on('message', ({ svg, density, out }: RenderJob) => {
  let result: RenderResult;
  try {
    const font = { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: family };
    const image = new Resvg(readFileSync(svg), { font, fitTo: { mode: 'zoom', value: density } }).render();
    const png = encodePng(image.pixels, image.width, image.height);
    const work = `${out}.${process.pid}-${threadId}.tmp`;
    writeFileSync(work, png);
    renameSync(work, out);
    result = { ok: true };
  } catch (error) {
    result = { ok: false, error: String(error instanceof Error ? (error.stack ?? error.message) : error) };
  }
  parentPort?.postMessage(result);
});
