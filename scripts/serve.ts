/**
 * npm run serve: the built site in dist/ at http://127.0.0.1:4321/, served as a static host would
 * (sirv, with gzip, the pages' Content-Security-Policy as a header, 404.html for unknown addresses).
 * PORT and DIST_DIR override the port and the folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startStaticServer } from './lib/staticServer.ts';
import { DIST_DIR } from './lib/publish.ts';

const dist = DIST_DIR;
const port = Number(process.env.PORT ?? 4321);

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`${dist} 中没有已构建的网站，请先运行 npm run build`);
  console.error(`No built site in ${dist}; run npm run build first`);
  process.exit(1);
}

const server = await startStaticServer(dist, port);
console.log(`网站已启动：${server.url}/  （按 Ctrl+C 停止）`);
console.log(`Site served at ${server.url}/en/  (Ctrl+C to stop)`);

const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
