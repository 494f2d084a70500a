/**
 * `npm run deploy:nginx`, callable in-process (its test reads what it prints): the nginx server block
 * for the site built in dist/, with the Content-Security-Policy its pages carry and the base path it
 * was built for, both read from the built home page, so the header is the pages' policy word for word.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nginxServerBlock, normalBase, pageBase, pageCsp } from '../../src/publish/nginxConfig.ts';
import { execute, PROCESS_IO, type CommandSpec, type Io } from './command.ts';
import { DIST_DIR } from './publish.ts';

export const DEPLOY_NGINX: CommandSpec = {
  name: 'npm run deploy:nginx',
  summary: {
    zh: '为 dist/ 中已生成的网站打印 nginx 的 server 配置：页面自带的内容安全策略作为响应头、缓存规则、gzip、404 页和子路径。',
    en: 'Prints the nginx server block for the site built in dist/: the pages’ own Content-Security-Policy as a header, caching, gzip, the 404 pages and the sub-path.',
  },
  options: {
    root: {
      type: 'string',
      default: '/var/www/rural-revitalization',
      value: '文件夹 folder',
      description: { zh: '服务器上放网站的文件夹（dist/ 的内容放在 <root><base>）', en: 'The folder on the server (the contents of dist/ go in <root><base>)' },
    },
    'server-name': { type: 'string', default: '_', value: '域名 name', description: { zh: '网站的域名', en: 'The site’s host name' } },
    base: {
      type: 'string',
      value: '路径 path',
      description: { zh: '网站所在的子路径（默认按生成的网站）', en: 'The sub-path the site lives under (by default, the one it was built for)' },
    },
  },
  environment: { DIST_DIR: { zh: '已生成的网站（默认 dist/）', en: 'The built site (dist/ unless set)' } },
  exitCodes: { 1: { zh: '还没有生成网站：先运行 npm run build', en: 'no site is built: run npm run build first' } },
  examples: ['npm run deploy:nginx', 'npm run deploy:nginx -- --server-name xczx.example.gov.cn > /etc/nginx/conf.d/xczx.conf'],
};

export function deployNginxCommand(argv: readonly string[], io: Io = PROCESS_IO, dist: string = DIST_DIR): Promise<number> {
  return execute(
    DEPLOY_NGINX,
    ({ values }, { out, err }) => {
      const index = join(dist, 'index.html');
      const html = existsSync(index) ? readFileSync(index, 'utf8') : '';
      const csp = pageCsp(html);
      if (csp === undefined) {
        err(`${index} 不存在或没有内容安全策略：先运行 npm run build。\n${index} is missing or carries no Content-Security-Policy: run npm run build first.\n`);
        return 1;
      }
      const base = typeof values.base === 'string' ? normalBase(values.base) : (pageBase(html) ?? '/');
      out(nginxServerBlock({ csp, base, root: values.root as string, serverName: values['server-name'] as string }));
      return 0;
    },
    argv,
    io,
  );
}
