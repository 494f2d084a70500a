/**
 * The Content-Security-Policy every page carries in a <meta> tag (and the static server repeats as a
 * header). Scripts and styles only from the site's own files, so nothing from the data can ever run:
 * no inline script, no style attribute, no eval. Images may also come from the tile host the build
 * is configured with. Directives a <meta> policy may not carry (frame-ancestors, report-uri, sandbox)
 * are left out: browsers ignore them there with a console error.
 */
export function contentSecurityPolicy(
  tileOrigins: readonly string[] = [],
  // `npm run dev` (only) puts every stylesheet in a <style> element; without this its pages show unstyled.
  { devServer = false }: { devServer?: boolean } = {},
): string {
  for (const origin of tileOrigins) {
    // Only a bare https origin may widen the policy: no wildcards, paths, quotes or separators.
    if (!/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin)) throw new Error(`Not an https origin: ${origin}`);
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    devServer ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    ["img-src 'self' data:", ...tileOrigins].join(' '),
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
