/**
 * `npm run dev` picks up a change to the data without a restart: astro dev is started on a copy of
 * tests/fixtures/small (DATA_DIR), a village's name is changed in the copy's villages.csv, and the
 * village's page shows the new name. Data that stops validating gives the bilingual error for that
 * request, and the server serves again once the data is fixed.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CODE = '150627101225';
const PAGE = `/villages/${CODE}/`;
const NAME = '高勒庙村';
const RENAMED = '高勒庙新村';

/** A port nothing listens on now (astro dev moves to the next one if it is taken meanwhile; see `origin`). */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

/** Calls `check` every half second until it returns a value, or fails after `ms` with what it last saw. */
async function waitFor<T>(what: string, ms: number, check: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const found = await check();
      if (found !== undefined) return found;
    } catch (error) {
      last = error;
    }
    await new Promise((wake) => setTimeout(wake, 500));
  }
  throw new Error(`Timed out after ${ms} ms waiting for ${what}${last === undefined ? '' : `: ${inspect(last)}`}\n${output}`);
}

async function fetchPage(): Promise<{ status: number; html: string }> {
  const response = await fetch(`${origin}${PAGE}`, { signal: AbortSignal.timeout(120_000) });
  return { status: response.status, html: await response.text() };
}

let dataDir: string;
let server: ChildProcess | undefined;
let output = '';
let origin = '';

const stopServer = (signal: NodeJS.Signals): void => {
  // The whole process group: astro dev may start helpers of its own.
  if (server?.pid !== undefined && server.exitCode === null) {
    try {
      process.kill(-server.pid, signal);
    } catch {
      // Already gone.
    }
  }
};
// Should the test run itself be killed, the server must not outlive it.
process.once('exit', () => stopServer('SIGKILL'));

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dev-data-'));
  cpSync(join(ROOT, 'tests', 'fixtures', 'small'), dataDir, { recursive: true });
  const port = await freePort();
  server = spawn(process.execPath, [join(ROOT, 'node_modules', 'astro', 'astro.js'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true', NO_COLOR: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  origin = await waitFor('astro dev to listen', 120_000, () => {
    if (server!.exitCode !== null) throw new Error(`astro dev exited with ${server!.exitCode}`);
    // eslint-disable-next-line no-control-regex
    return /Local\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output.replace(/\u001b\[[0-9;]*m/g, ''))?.[1];
  });
});

afterAll(async () => {
  if (server !== undefined && server.exitCode === null) {
    const exited = new Promise((done) => server!.once('exit', done));
    stopServer('SIGTERM');
    const timeout = new Promise((done) => setTimeout(done, 10_000));
    if ((await Promise.race([exited.then(() => 'exited'), timeout])) !== 'exited') stopServer('SIGKILL');
  }
  rmSync(dataDir, { recursive: true, force: true });
});

const villagesCsv = (): string => join(dataDir, 'villages.csv');

describe('npm run dev (astro dev)', () => {
  test("shows a village's changed name without a restart", async () => {
    const before = await fetchPage();
    expect(before.status).toBe(200);
    expect(before.html).toContain(NAME);
    expect(before.html).not.toContain(RENAMED);
    // The dev server inlines the stylesheets; its pages' policy must let them apply (built pages do not).
    expect(before.html).toContain('<style');
    expect(before.html).toMatch(/style-src 'self' 'unsafe-inline'/);

    writeFileSync(villagesCsv(), readFileSync(villagesCsv(), 'utf8').replace(`${CODE},${NAME}`, `${CODE},${RENAMED}`));
    const after = await waitFor('the new name', 60_000, async () => {
      const page = await fetchPage();
      return page.html.includes(RENAMED) ? page : undefined;
    });
    expect(after.status).toBe(200);
  });

  test('gives the bilingual error while the data does not validate, and serves again once it does', async () => {
    const valid = readFileSync(villagesCsv(), 'utf8');
    // Two villages with one code: the unique-key rule rejects the file.
    writeFileSync(villagesCsv(), valid.replace('150627101212,', `${CODE},`));
    const broken = await waitFor('the error', 60_000, async () => {
      const page = await fetchPage();
      return page.status === 500 ? page : undefined;
    });
    expect(broken.status).toBe(500);
    await waitFor('the bilingual message in the log', 10_000, () =>
      output.includes('数据未通过校验') && output.includes('The data does not validate') ? true : undefined,
    );

    writeFileSync(villagesCsv(), valid);
    const fixed = await waitFor('the page again', 60_000, async () => {
      const page = await fetchPage();
      return page.status === 200 ? page : undefined;
    });
    expect(fixed.html).toContain(RENAMED);
    expect(server!.exitCode).toBeNull();
  });
});
