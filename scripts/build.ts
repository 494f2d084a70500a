/**
 * npm run build: validate data/, and only if it passes, build the site beside dist/ and swap it in.
 * A failed validation or a failed build leaves the published dist/ exactly as it was.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'astro';
import { formatProblem, formatReport } from '../src/pipeline/formatReport.ts';
import { loadDataDir } from '../src/lib/readDataDir.ts';

const root = resolve('.');
const dist = resolve(root, 'dist');
const staging = resolve(root, '.build', `dist-${process.pid}`);
const previous = resolve(root, '.build', `previous-${process.pid}`);

const { report, edition } = loadDataDir();
if (!report.ok) {
  console.error(formatReport(report, edition));
  console.error('\n未发布：dist/ 保持不变。 Not published: dist/ is unchanged.');
  process.exit(1);
}
for (const problem of report.problems) console.warn(formatProblem(problem).join('\n'));
console.log(`数据通过校验，开始构建 · Data valid, building edition ${edition}`);

mkdirSync(resolve(root, '.build'), { recursive: true });
rmSync(staging, { recursive: true, force: true });
try {
  await build({ root, outDir: staging, logLevel: 'warn' });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(error);
  console.error('\n构建失败：dist/ 保持不变。 Build failed: dist/ is unchanged.');
  process.exit(1);
}

// Two renames, so a reader of dist/ never sees a half-written site.
if (existsSync(dist)) renameSync(dist, previous);
renameSync(staging, dist);
rmSync(previous, { recursive: true, force: true });
console.log(`已发布到 dist/ · Published to dist/ (edition ${edition})`);
