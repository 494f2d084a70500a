import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publish } from '../../scripts/lib/publish.ts';
import { release } from '../../scripts/lib/release.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const quiet = { log: () => {}, warn: () => {} };
let root: string;

function setUp(broken?: string) {
  root = mkdtempSync(join(tmpdir(), 'publish-'));
  const dataDir = join(root, 'data');
  cpSync(join(FIXTURES, 'small'), dataDir, { recursive: true });
  if (broken !== undefined) cpSync(join(FIXTURES, 'broken', broken), dataDir, { recursive: true });
  const distDir = join(root, 'dist');
  mkdirSync(distDir);
  writeFileSync(join(distDir, 'index.html'), 'the published site');
  return { dataDir, distDir };
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('publish (npm run build)', () => {
  it('refuses to build on a data error and leaves dist/ untouched', async () => {
    const { dataDir, distDir } = setUp('type');
    let built = false;
    const outcome = await publish({
      dataDir,
      distDir,
      buildSite: () => {
        built = true;
        return Promise.resolve();
      },
      ...quiet,
    });
    expect(outcome.published).toBe(false);
    expect(built).toBe(false);
    expect(readFileSync(join(distDir, 'index.html'), 'utf8')).toBe('the published site');
  });

  it('leaves dist/ untouched when the site build fails, and says why in one bilingual message without a stack trace', async () => {
    const { dataDir, distDir } = setUp();
    const said: string[] = [];
    const outcome = await publish({
      dataDir,
      distDir,
      buildSite: (outDir) => {
        mkdirSync(outDir, { recursive: true });
        writeFileSync(join(outDir, 'index.html'), 'half a site');
        return Promise.reject(new Error('EACCES: permission denied'));
      },
      log: () => {},
      warn: (line) => said.push(line),
    });
    expect(outcome.published).toBe(false);
    expect(said.join('\n')).toContain('EACCES: permission denied');
    expect(said.join('\n')).toContain('构建失败：dist/ 保持不变。 Build failed: dist/ is unchanged.');
    expect(said.join('\n')).not.toMatch(/^\s+at /m);
    expect(readFileSync(join(distDir, 'index.html'), 'utf8')).toBe('the published site');
  });

  it('swaps the new site in when the data is valid and the build succeeds', async () => {
    const { dataDir, distDir } = setUp();
    const outcome = await publish({
      dataDir,
      distDir,
      buildSite: (outDir) => {
        mkdirSync(outDir, { recursive: true });
        writeFileSync(join(outDir, 'index.html'), 'the new site');
        return Promise.resolve();
      },
      ...quiet,
    });
    expect(outcome.published).toBe(true);
    expect(outcome.edition).toMatch(/^2021-10-14-[0-9a-f]{8}$/);
    expect(readFileSync(join(distDir, 'index.html'), 'utf8')).toBe('the new site');
    expect(existsSync(join(root, '.build'))).toBe(true);
  });

  it('still publishes when there are only warnings', async () => {
    const { dataDir, distDir } = setUp('reconcile');
    const outcome = await publish({
      dataDir,
      distDir,
      buildSite: (outDir) => {
        mkdirSync(outDir, { recursive: true });
        return Promise.resolve();
      },
      ...quiet,
    });
    expect(outcome.published).toBe(true);
  });
  it('says when data/ holds changes not released as an edition, and not when it is the last edition', async () => {
    const { dataDir, distDir } = setUp();
    const build = (outDir: string) => {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, 'index.html'), 'site');
      return Promise.resolve();
    };
    const run = async () => {
      const said: string[] = [];
      await publish({ dataDir, distDir, buildSite: build, log: () => {}, warn: (line) => said.push(line) });
      return said.join('\n');
    };
    expect(await run()).not.toContain('not yet released');
    const released = release({ dataDir, editionsDir: join(dataDir, 'editions'), note: { zh: '一', en: 'one' }, today: '2021-12-01', warn: () => {} });
    expect(released.released).toBe(true);
    expect(await run()).not.toContain('not yet released');
    writeFileSync(join(dataDir, 'funds.csv'), readFileSync(join(dataDir, 'funds.csv'), 'utf8').replace('2000万', '2100万'));
    const said = await run();
    expect(said).toContain('尚未发布为版本的改动');
    expect(said).toContain(`not yet released as an edition (the last is ${released.released ? released.manifest.id : ''})`);
  });
});
