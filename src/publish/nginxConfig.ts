/**
 * An nginx server block for the built site (npm run deploy:nginx): the pages' own
 * Content-Security-Policy repeated as a header, caching that fits how the files change (hashed
 * /_astro/ files and released editions' files never do; pages and the live data do at every build),
 * gzip, the 404 pages, and the site under a sub-path when it was built with one.
 */

export type NginxOptions = {
  /** The policy the built pages carry in their <meta> tag, word for word. */
  csp: string;
  /** The path the site was built for: `/`, or a sub-path such as `/xczx/`. */
  base: string;
  /** The folder on the server that holds the site's files at `<root><base>`. */
  root: string;
  serverName: string;
};

/** `/`, or `/a/b/`: a base as Astro's `base` gives it, with both slashes. */
export function normalBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

const YEAR = 'public, max-age=31536000, immutable';

/**
 * nginx drops a server's add_header lines in any location that has its own, so every location repeats
 * them all: the policy, nosniff and its caching.
 */
function headers(csp: string, cache: string): string[] {
  return [
    `add_header Content-Security-Policy "${csp}" always;`,
    'add_header X-Content-Type-Options "nosniff" always;',
    `add_header Cache-Control "${cache}" always;`,
  ];
}

const indent = (lines: readonly string[], depth: number): string[] => lines.map((line) => (line === '' ? '' : `${'    '.repeat(depth)}${line}`));

export function nginxServerBlock({ csp, base: rawBase, root, serverName }: NginxOptions): string {
  // A policy with a double quote or a line break would end nginx's string early: contentSecurityPolicy never makes one.
  if (/["\n\r\\]/.test(csp)) throw new Error(`The Content-Security-Policy cannot be written into nginx's configuration: ${csp}`);
  const base = normalBase(rawBase);
  const site = root.replace(/\/+$/, '');
  const location = (path: string, cache: string, extra: readonly string[] = []) => [
    `location ${path} {`,
    ...indent([...extra, ...headers(csp, cache)], 1),
    '}',
  ];
  const body = [
    'listen 80;',
    `server_name ${serverName};`,
    '',
    `# dist/ 的内容放在 ${site}${base} · the contents of dist/ go in ${site}${base}`,
    `root ${site};`,
    'index index.html;',
    '# 文件夹地址补上末尾的斜杠（网站的地址都以斜杠结尾），不写主机名 · a folder gets its trailing slash, without naming the host',
    'absolute_redirect off;',
    'charset utf-8;',
    'charset_types text/css application/javascript application/json text/csv text/xml image/svg+xml application/geo+json;',
    'include mime.types;',
    'types { application/geo+json geojson; text/csv csv; }',
    '',
    '# 压缩 · compression (brotli needs the ngx_brotli module: uncomment it where it is installed)',
    'gzip on;',
    'gzip_vary on;',
    'gzip_comp_level 6;',
    'gzip_types text/css application/javascript application/json text/csv text/xml application/xml application/atom+xml image/svg+xml application/geo+json;',
    '# brotli on;',
    '# brotli_types text/css application/javascript application/json text/csv text/xml application/xml application/atom+xml image/svg+xml application/geo+json;',
    '',
    '# 找不到的地址显示网站自己的 404 页 · unknown addresses get the site’s own 404 page',
    `error_page 404 ${base}404.html;`,
    '',
    '# 网页和实时数据每次生成都可能变：每次向服务器确认 · pages and the live data may change at every build: revalidate each time',
    ...location(`${base}`, 'no-cache'),
    '',
    ...location(`${base}en/`, 'no-cache', [`error_page 404 ${base}en/404/index.html;`]),
    '',
    '# 文件名带内容摘要的脚本和样式永不改变 · scripts and styles named by their content never change',
    ...location(`^~ ${base}_astro/`, YEAR),
    '',
    '# 已发布版本的数据文件、图片和压缩包永不改变（其网页会注明更新的版本，所以仍按网页处理）',
    "# a released edition's data, pictures and zip never change (its pages name newer editions, so they stay pages)",
    ...location(`~ "^${base}editions/[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9a-f]+/.+\\.(csv|json|zip|png|svg|geojson)$"`, YEAR),
  ];
  return [
    '# 由 npm run deploy:nginx 为 dist/ 中生成的网站写出 · written by npm run deploy:nginx for the site built in dist/',
    'server {',
    ...indent(body, 1),
    '}',
    '',
  ].join('\n');
}

/** The policy in a built page's <meta> tag (the origins in it are checked, so it holds no entity). */
export function pageCsp(html: string): string | undefined {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html)?.[1];
}

/** The base a page was built for, from where its hashed scripts and styles are: `/`, or `/xczx/`. */
export function pageBase(html: string): string | undefined {
  const found = /(?:href|src)="([^"]*?)_astro\//.exec(html)?.[1];
  if (found === undefined) return undefined;
  return normalBase(found.replace(/^[a-z]+:\/\/[^/]+/i, ''));
}
