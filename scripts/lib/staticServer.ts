/**
 * A small static file server for the built site: `npm run serve`, the browser tests and the page
 * weight benchmark all look at dist/ the way a plain web host would serve it, with gzip and the same
 * Content-Security-Policy as a header that the pages carry in their meta tag, so a policy the pages
 * break shows up here and not first in production. No dependency: node:http, node:fs and node:zlib.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

export type StaticServer = {
  /** The origin without a trailing slash, e.g. `http://127.0.0.1:4321`. */
  url: string;
  port: number;
  close: () => Promise<void>;
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

// Already-compressed formats gain nothing from gzip.
const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|manifest\+json|xml)|image\/svg\+xml)/;

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** The policy of `<meta http-equiv="Content-Security-Policy" content="…">` in the page, if any. */
export function readMetaCsp(html: string): string | undefined {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = new Map<string, string>();
    for (const match of tag.matchAll(/([a-z-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
      attributes.set(match[1]!.toLowerCase(), decodeEntities(match[3] ?? match[4] ?? match[5] ?? ''));
    }
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy') return attributes.get('content');
  }
  return undefined;
}

function acceptsGzip(request: IncomingMessage): boolean {
  const header = String(request.headers['accept-encoding'] ?? '');
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

type Found = { path: string; status: number } | { redirect: string } | undefined;

function locate(root: string, pathname: string): Found {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const target = resolve(root, `.${decoded}`);
  // Anything outside the served folder (../) does not exist as far as the reader is concerned.
  if (target !== root && !target.startsWith(root + sep)) return undefined;
  if (!existsSync(target)) return undefined;
  const stat = statSync(target);
  if (stat.isDirectory()) {
    // The site uses trailing slashes; a folder without one is sent to its canonical address, as hosts do.
    if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
    const index = join(target, 'index.html');
    return existsSync(index) ? { path: index, status: 200 } : undefined;
  }
  return stat.isFile() ? { path: target, status: 200 } : undefined;
}

export async function startStaticServer(dir: string, port = 0): Promise<StaticServer> {
  const root = resolve(dir);
  const indexHtml = join(root, 'index.html');
  const csp = existsSync(indexHtml) ? readMetaCsp(readFileSync(indexHtml, 'utf8')) : undefined;
  const gzipped = new Map<string, Buffer>();

  const send = (request: IncomingMessage, response: ServerResponse, path: string, status: number): void => {
    const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
    let body: Buffer = readFileSync(path);
    const headers: Record<string, string | number> = {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    if (csp !== undefined && type.startsWith('text/html')) headers['Content-Security-Policy'] = csp;
    if (COMPRESSIBLE.test(type)) {
      headers.Vary = 'Accept-Encoding';
      if (acceptsGzip(request)) {
        let zipped = gzipped.get(path);
        if (zipped === undefined) {
          zipped = gzipSync(body, { level: 9 });
          gzipped.set(path, zipped);
        }
        body = zipped;
        headers['Content-Encoding'] = 'gzip';
      }
    }
    headers['Content-Length'] = body.length;
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((request, response) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('405 方法不允许 · Method not allowed\n');
        return;
      }
      const { pathname, search } = new URL(request.url ?? '/', 'http://127.0.0.1');
      const found = locate(root, pathname);
      if (found !== undefined && 'redirect' in found) {
        response.writeHead(301, { Location: `${found.redirect}${search}` });
        response.end();
        return;
      }
      if (found !== undefined) {
        send(request, response, found.path, found.status);
        return;
      }
      const notFound = join(root, '404.html');
      if (existsSync(notFound)) {
        send(request, response, notFound, 404);
        return;
      }
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('404 未找到 · Not found\n');
    } catch (error) {
      response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(`500 ${String(error)}\n`);
    }
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((error) => (error ? reject(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}
