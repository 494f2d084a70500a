/**
 * npm run serve: the built site in dist/ at http://127.0.0.1:4321/, served as a static host would
 * (sirv, with gzip, the pages' Content-Security-Policy as a header, 404.html for unknown addresses).
 * PORT and DIST_DIR override the port and the folder; a site built under a base path (data/region.json,
 * BASE_PATH) is served under it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startStaticServer } from './lib/staticServer.ts';
import { DIST_DIR } from './lib/publish.ts';
import { runCommand, wholeNumber } from './lib/command.ts';
import { readDeploySettings } from '../src/load/siteSettings.ts';

await runCommand(
  {
    name: 'npm run serve',
    summary: {
      zh: '在本机提供已构建的网站（dist/），与静态网站主机的行为相同。',
      en: 'Serves the built site (dist/) on this machine, as a static host would.',
    },
    options: {
      port: { type: 'string', default: process.env.PORT ?? '4321', value: '端口 port', description: { zh: '端口', en: 'Port' }, check: wholeNumber(1) },
    },
    environment: {
      PORT: { zh: '默认端口（默认 4321）', en: 'Default port (4321 unless set)' },
      DIST_DIR: { zh: '网站文件夹（默认 dist/）', en: 'The site folder (dist/ unless set)' },
      BASE_PATH: {
        zh: '网站所在的路径（默认取 data/region.json 的 site.base）',
        en: "The path the site lives under (data/region.json's site.base unless set)",
      },
      DATA_DIR: { zh: '数据文件夹，其中的 region.json 给出路径（默认 data/）', en: 'The data folder whose region.json names the path (data/ unless set)' },
    },
    exitCodes: { 1: { zh: '没有已构建的网站，或端口无法使用', en: 'no built site, or the port cannot be used' } },
    examples: ['npm run serve', 'npm run serve -- --port 8080'],
  },
  async ({ values }) => {
    const dist = DIST_DIR;
    if (!existsSync(join(dist, 'index.html'))) {
      console.error(`${dist} 中没有已构建的网站，请先运行 npm run build`);
      console.error(`No built site in ${dist}; run npm run build first`);
      return 1;
    }
    // Under the base path the site was built for (data/region.json, BASE_PATH), as the portal will serve it.
    const { base } = readDeploySettings();
    const server = await startStaticServer(dist, Number(values.port), { base });
    console.log(`网站已启动：${server.url}${base}  （按 Ctrl+C 停止）`);
    console.log(`Site served at ${server.url}${base}en/  (Ctrl+C to stop)`);
    const stop = (): void => {
      void server.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
);
