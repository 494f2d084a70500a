/**
 * The preview server for the built site: `npm run serve`, the browser tests and the page weight
 * benchmark look at dist/ the way a plain web host serves it. sirv finds the files (directory index,
 * MIME types); around it, what a host adds: the pages' Content-Security-Policy repeated as a
 * header (so a policy the pages break shows up here, not first in production), nosniff, gzip, the
 * site's 404.html, and a redirect to the trailing slash the site's addresses use. A site built under a
 * base path (region.json, BASE_PATH) is served under it only, as a portal's folder would be: an
 * address outside it is not found.
 */
import { pageCsp } from '../../src/publish/nginxConfig.ts';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';
import sirv from 'sirv';
import { withoutBase } from '../../src/model/basePath.ts';

export type StaticServer = {
  /** The origin without a trailing slash, e.g. `http://127.0.0.1:4321`. */
  url: string;
  port: number;
  close: () => Promise<void>;
};

// Text is sent as UTF-8 and gzipped; already-compressed formats gain nothing from gzip.
const TEXTUAL = /^(text\/|application\/(json|geo\+json|manifest\+json|xml)|image\/svg\+xml)/;

/** The policy the built pages carry in their meta tag, as npm run deploy:nginx reads it too. */
function readPageCsp(root: string): string | undefined {
  const index = join(root, 'index.html');
  return existsSync(index) ? pageCsp(readFileSync(index, 'utf8')) : undefined;
}

/** Adds the host's headers when the response starts, and gzips the body if the reader accepts it. */
function addHostHeaders(request: IncomingMessage, response: ServerResponse, csp: string | undefined): void {
  const writeHead = response.writeHead.bind(response);
  response.writeHead = ((status: number, headers: OutgoingHttpHeaders = {}) => {
    let type = String(headers['Content-Type'] ?? '');
    if (TEXTUAL.test(type) && !/charset/i.test(type)) headers['Content-Type'] = type = `${type}; charset=utf-8`;
    headers['X-Content-Type-Options'] = 'nosniff';
    if (csp !== undefined && type.startsWith('text/html')) headers['Content-Security-Policy'] = csp;
    if (TEXTUAL.test(type) && headers['Content-Range'] === undefined) {
      headers.Vary = 'Accept-Encoding';
      if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
        headers['Content-Encoding'] = 'gzip';
        delete headers['Content-Length'];
        const gzip = createGzip({ level: 9 });
        const [write, end] = [response.write.bind(response), response.end.bind(response)];
        gzip.on('data', (chunk: Buffer) => write(chunk));
        gzip.on('end', () => end());
        gzip.on('drain', () => response.emit('drain')); // sirv pipes a file stream: keep its back-pressure
        response.write = ((chunk: Buffer) => gzip.write(chunk)) as typeof response.write;
        response.end = ((chunk?: Buffer | string) => {
          if (chunk === undefined || typeof chunk === 'function') gzip.end();
          else gzip.end(chunk);
          return response;
        }) as typeof response.end;
      }
    }
    return writeHead(status, headers);
  }) as typeof response.writeHead;
}

function isDirectory(root: string, pathname: string): boolean {
  let target: string;
  try {
    target = resolve(root, `.${decodeURIComponent(pathname)}`);
  } catch {
    return false;
  }
  return target.startsWith(root + sep) && existsSync(target) && statSync(target).isDirectory();
}

function sendNotFound(root: string, response: ServerResponse): void {
  const page = join(root, '404.html');
  if (existsSync(page)) {
    response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    response.end(readFileSync(page));
    return;
  }
  response.writeHead(404, { 'Content-Type': 'text/plain' });
  response.end('404 未找到 · Not found\n');
}

/**
 * Serves `dir` on 127.0.0.1 (port 0: any free port), reading files on each request, so a rebuild shows;
 * under `base` (`/xczx/sub/`) when the site was built for one.
 */
export async function startStaticServer(dir: string, port = 0, { base = '/' }: { base?: string } = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const csp = readPageCsp(root);
  // No ETag, so no 304: a preview sends every file whole (the browser tests read each script's body).
  const serveFile = sirv(root, { dev: true, etag: false, onNoMatch: (_request, response) => sendNotFound(root, response) });

  const server = createServer((request, response) => {
    addHostHeaders(request, response, csp);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
      response.end('405 方法不允许 · Method not allowed\n');
      return;
    }
    const { pathname: fullPath, search } = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (`${fullPath}/` === base) {
      response.writeHead(301, { Location: `${base}${search}` });
      response.end();
      return;
    }
    if (!fullPath.startsWith(base)) {
      sendNotFound(root, response);
      return;
    }
    const pathname = withoutBase(fullPath, base);
    // The site's addresses end in a slash; a folder without one is sent to its canonical address, as hosts do.
    if (!pathname.endsWith('/') && isDirectory(root, pathname)) {
      response.writeHead(301, { Location: `${fullPath}/${search}` });
      response.end();
      return;
    }
    request.url = pathname + search;
    serveFile(request, response);
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
