import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startStaticServer, type StaticServer } from '../../scripts/lib/staticServer.ts';

const POLICY = "default-src 'self'; img-src 'self' data: https://tiles.example.org";
const page = (title: string): string =>
  `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${POLICY}"><title>${title}</title></head><body>${title}</body></html>`;

/** The raw response, undecoded, so the test sees what the server sent. */
function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

let dir: string;
let server: StaticServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'static-server-'));
  mkdirSync(join(dir, 'villages', '150627101225'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), page('首页 Home'));
  writeFileSync(join(dir, 'villages', '150627101225', 'index.html'), page('高勒庙村'));
  writeFileSync(join(dir, '404.html'), page('未找到 Not found'));
  writeFileSync(join(dir, 'data.csv'), 'name\n高勒庙村\n');
  server = await startStaticServer(dir);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('startStaticServer', () => {
  test('listens on 127.0.0.1', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  test("serves a folder's index.html with the pages' Content-Security-Policy and nosniff as headers", async () => {
    const response = await get(`${server.url}/villages/150627101225/`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html;\s*charset=utf-8$/);
    expect(response.headers['content-security-policy']).toBe(POLICY);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.body.toString('utf8')).toContain('高勒庙村');
  });

  test('sends 404.html with status 404 and the policy for an unknown address', async () => {
    const response = await get(`${server.url}/villages/999/`);
    expect(response.status).toBe(404);
    expect(response.headers['content-security-policy']).toBe(POLICY);
    expect(response.body.toString('utf8')).toContain('未找到 Not found');
  });

  test('redirects a folder without its trailing slash, keeping the query', async () => {
    const response = await get(`${server.url}/villages/150627101225?q=1`);
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/villages/150627101225/?q=1');
  });

  test('gzips text for a reader that accepts it, and sends it as UTF-8', async () => {
    const response = await get(`${server.url}/data.csv`, { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(gunzipSync(response.body).toString('utf8')).toBe('name\n高勒庙村\n');
    const plain = await get(`${server.url}/data.csv`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe('name\n高勒庙村\n');
  });

  test('sends a file whole to a reader that has it cached, never "304 Not Modified"', async () => {
    const first = await get(`${server.url}/`);
    const again = await get(`${server.url}/`, {
      'if-modified-since': String(first.headers['last-modified'] ?? new Date().toUTCString()),
      ...(typeof first.headers.etag === 'string' ? { 'if-none-match': first.headers.etag } : {}),
    });
    expect(again.status).toBe(200);
    expect(again.body.toString('utf8')).toContain('首页 Home');
    expect(again.headers['cache-control']).toMatch(/no-(store|cache)/);
  });

  test('does not serve files outside its folder', async () => {
    const response = await get(`${server.url}/%2e%2e/%2e%2e/etc/passwd`);
    expect(response.status).toBe(404);
  });

  test('answers only GET and HEAD', async () => {
    expect((await get(`${server.url}/`, {}, 'POST')).status).toBe(405);
    const head = await get(`${server.url}/`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });
});

describe('startStaticServer under a base path', () => {
  let based: StaticServer;
  beforeAll(async () => {
    based = await startStaticServer(dir, 0, { base: '/xczx/sub/' });
  });
  afterAll(async () => {
    await based.close();
  });

  test('serves the site under the base, its folders and files alike', async () => {
    expect((await get(`${based.url}/xczx/sub/`)).body.toString('utf8')).toContain('首页 Home');
    expect((await get(`${based.url}/xczx/sub/villages/150627101225/`)).body.toString('utf8')).toContain('高勒庙村');
    expect((await get(`${based.url}/xczx/sub/data.csv`)).status).toBe(200);
  });

  test('sends the base without its slash, and a folder without one, to their addresses under the base', async () => {
    expect((await get(`${based.url}/xczx/sub`)).headers.location).toBe('/xczx/sub/');
    expect((await get(`${based.url}/xczx/sub/villages/150627101225?q=1`)).headers.location).toBe('/xczx/sub/villages/150627101225/?q=1');
  });

  test('finds nothing outside the base, not even what is there under it', async () => {
    for (const path of ['/', '/villages/150627101225/', '/data.csv', '/xczx/', '/xczx/subway/']) {
      const response = await get(`${based.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.body.toString('utf8'), path).toContain('未找到 Not found');
    }
  });
});
