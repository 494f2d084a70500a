/**
 * The PNG twin of every picture the site builds as SVG (chart pictures, social cards: which SVGs, and
 * at what density, src/derive/imagePaths.ts), rendered after Astro has written the SVGs, with
 * @resvg/resvg-js and the bundled Noto Sans SC (OFL). Rendering is the slow part of a build (about
 * a fifth of a second for a chart picture of 2160 pixels on the 2-core build machine; see
 * docs/performance.md), so each PNG is kept in a cache under the sha256 of its SVG, its density and
 * the renderer's and font's versions: an unchanged picture is never rendered twice, and the live
 * site's pictures of released data, which are byte for byte the latest edition's, are rendered once.
 * The rest are rendered on worker threads, one per core, with the font cut down to the characters
 * they use (loading the whole 10 MB font costs each picture more than drawing it), and written with a
 * palette (encodePng.ts): the same pixels in a third of the bytes.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { pngDensity } from '../../src/derive/imagePaths.ts';
import type { RenderJob, RenderResult, RenderSetup } from './rasterizeWorker.ts';

const require = createRequire(import.meta.url);

/** The bundled font: the weights the pictures use (text and bold titles). */
const FONT_FILES = ['400Regular/NotoSansSC_400Regular.ttf', '700Bold/NotoSansSC_700Bold.ttf'].map((file) =>
  require.resolve(`@expo-google-fonts/noto-sans-sc/${file}`),
);
const FONT_FAMILY = 'Noto Sans SC';

const versionOf = (name: string): string => (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;

/**
 * What a PNG depends on besides its SVG and density: the renderer and the font, by version, and the
 * code that drives the renderer and writes the PNG, by digest (a change to either renders all again).
 */
const RENDERER = [
  `@resvg/resvg-js@${versionOf('@resvg/resvg-js')}`,
  `@expo-google-fonts/noto-sans-sc@${versionOf('@expo-google-fonts/noto-sans-sc')}`,
  ...['rasterizeWorker.ts', 'encodePng.ts'].map((file) =>
    createHash('sha256')
      .update(readFileSync(new URL(`./${file}`, import.meta.url)))
      .digest('hex'),
  ),
].join(' ');

export type Picture = { svg: string; png: string; density: number; key: string };

/** Every SVG under the site that has a PNG twin, with the key its PNG is kept under. */
export function findPictures(site: string): Picture[] {
  if (!existsSync(site)) return [];
  return readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.svg'))
    .sort()
    .flatMap((name) => {
      const density = pngDensity(name.split('\\').join('/'));
      if (density === undefined) return [];
      const svg = join(site, name);
      const key = createHash('sha256').update(`${RENDERER}\n${density}\n`).update(readFileSync(svg)).digest('hex');
      return [{ svg, png: svg.replace(/\.svg$/, '.png'), density, key }];
    });
}

/** A file at a second path, as a hard link where the file system allows, else as a copy. */
function place(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** The characters of every picture's text, for the font subset (markup characters do no harm). */
function charactersOf(pictures: readonly Picture[]): string {
  const characters = new Set<string>('0123456789');
  for (const picture of pictures) for (const character of readFileSync(picture.svg, 'utf8')) characters.add(character);
  return [...characters].join('');
}

/**
 * The file of a package's ESM export, read from its exports map: require.resolve names the CommonJS
 * one, which cannot register tsx in a worker, and import.meta.resolve is missing under vitest.
 */
function esmEntry(name: string, subpath: string): string {
  const manifest = require.resolve(`${name}/package.json`);
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const entry = exports[subpath]?.import.default;
  if (entry === undefined) throw new Error(`${name} exports no ${subpath} for import`);
  return join(dirname(manifest), entry);
}

/**
 * Starts a rendering thread (rasterizeWorker.ts). Worker threads do not inherit tsx's loader, so
 * each registers it before importing the worker's TypeScript.
 */
function startWorker(setup: RenderSetup): Worker {
  const loader = pathToFileURL(esmEntry('tsx', './esm/api')).href;
  const worker = new URL('./rasterizeWorker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(loader)}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: setup });
}

/** Renders the jobs on `threads` workers; rejects with the first failure. */
async function renderAll(jobs: readonly RenderJob[], fonts: string[], threads: number): Promise<void> {
  const queue = [...jobs];
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const next = () => {
        const job = queue.shift();
        if (job === undefined) return resolve();
        worker.postMessage(job);
      };
      worker.on('message', (result: RenderResult) => (result.ok ? next() : reject(new Error(result.error))));
      worker.on('error', reject);
      next();
    });
  const workers = Array.from({ length: Math.max(1, Math.min(threads, jobs.length)) }, () => startWorker({ fonts, family: FONT_FAMILY }));
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

export type RasterizeOptions = {
  /** Where PNGs are kept between builds, by key; undefined renders every picture, keeping none. */
  cacheDir?: string | undefined;
  threads?: number;
};

export type RasterizeOutcome = { pictures: number; rendered: number; fromCache: number; seconds: number };

/** Writes the PNG twin of every picture in the built site, from the cache where it holds one. */
export async function rasterizeSite(site: string, { cacheDir, threads = availableParallelism() }: RasterizeOptions = {}): Promise<RasterizeOutcome> {
  const started = performance.now();
  const pictures = findPictures(site);
  const cached = (picture: Picture) => (cacheDir === undefined ? undefined : join(cacheDir, `${picture.key}.png`));
  const missing: Picture[] = [];
  for (const picture of pictures) {
    const kept = cached(picture);
    if (kept !== undefined && existsSync(kept)) place(kept, picture.png);
    else missing.push(picture);
  }
  // One render per key: the live pictures of released data are the latest edition's, byte for byte.
  const byKey = new Map<string, Picture>();
  for (const picture of missing) if (!byKey.has(picture.key)) byKey.set(picture.key, picture);
  if (byKey.size > 0) {
    const work = join(cacheDir ?? join(site, '..'), `.fonts-${process.pid}`);
    mkdirSync(work, { recursive: true });
    try {
      const { default: subsetFont } = await import('subset-font');
      const characters = charactersOf([...byKey.values()]);
      const fonts = await Promise.all(
        FONT_FILES.map(async (file, index) => {
          const subset = join(work, `font-${index}.ttf`);
          writeFileSync(subset, await subsetFont(readFileSync(file), characters, { targetFormat: 'truetype' }));
          return subset;
        }),
      );
      if (cacheDir !== undefined) mkdirSync(cacheDir, { recursive: true });
      const out = (picture: Picture) => cached(picture) ?? picture.png;
      await renderAll(
        [...byKey.values()].map((picture) => ({ svg: picture.svg, density: picture.density, out: out(picture) })),
        fonts,
        threads,
      );
      for (const picture of missing) if (out(picture) !== picture.png) place(out(picture), picture.png);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return { pictures: pictures.length, rendered: byKey.size, fromCache: pictures.length - missing.length, seconds: (performance.now() - started) / 1000 };
}

/**
 * After the whole site is in place (old editions' pages copied from their cache too): every PNG the
 * site holds is kept in the cache, and the cache keeps nothing else, so it holds what the next build
 * needs, including old editions' pictures for when their pages must be rendered again.
 */
export function keepPictures(site: string, cacheDir: string): void {
  const keys = new Set<string>();
  for (const picture of findPictures(site)) {
    keys.add(picture.key);
    const kept = join(cacheDir, `${picture.key}.png`);
    if (!existsSync(kept) && existsSync(picture.png)) {
      mkdirSync(cacheDir, { recursive: true });
      const work = `${kept}.${process.pid}.tmp`;
      copyFileSync(picture.png, work);
      renameSync(work, kept);
    }
  }
  if (!existsSync(cacheDir)) return;
  for (const name of readdirSync(cacheDir)) {
    const file = join(cacheDir, name);
    if (!keys.has(name.replace(/\.png$/, '')) && statSync(file).isFile()) rmSync(file, { force: true });
  }
}
