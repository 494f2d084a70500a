/**
 * The site may live under a folder of a portal (`https://www.example.gov.cn/xczx/`): its base path,
 * `/` or `/xczx/`, from region.json or BASE_PATH (src/model/regionConfig.ts). Pages and files name
 * their links by root-relative paths (`/villages/1/`) as if the site stood at the root; these put the
 * base in front, for links (src/publish/rebaseLinks.ts prefixes a page's) and for absolute addresses.
 */

/** `/villages/1/` under `/xczx/` → `/xczx/villages/1/`; anything not root-relative, or already under the base, as it is. */
export function withBase(url: string, base: string): string {
  if (base === '/' || !url.startsWith('/') || url.startsWith('//') || url.startsWith(base) || `${url}/` === base) return url;
  return base + url.slice(1);
}

/** `/xczx/villages/1/` under `/xczx/` → `/villages/1/`: the path a page is known by; a path outside the base as it is. */
export function withoutBase(pathname: string, base: string): string {
  if (base === '/') return pathname;
  if (`${pathname}/` === base) return '/';
  return pathname.startsWith(base) ? pathname.slice(base.length - 1) : pathname;
}

/** The site's root address: its address and base path (`https://www.example.gov.cn/xczx/`). */
export const siteRoot = (site: URL | string, base: string): URL => new URL(base, site);

/** A root-relative path at the site's root, absolute: `/data/` → `https://www.example.gov.cn/xczx/data/`. */
export const absoluteUrl = (path: string, root: URL | string): string => new URL(path.replace(/^\/+/, ''), root).href;
