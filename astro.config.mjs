// @ts-check
import { sep } from 'node:path';
import { defineConfig } from 'astro/config';
import { DATA_DIR } from './src/load/readDataDir.ts';
import { readDeploySettings } from './src/load/siteSettings.ts';

/**
 * `npm run dev` (astro dev) treats data/ (DATA_DIR) as a source: a changed, added or removed file
 * clears Astro's cache of page lists (it does for any file its watcher reports) and reloads the open
 * pages, and getSite() (src/load/site.ts) loads the data again when the files changed.
 * @returns {import('vite').Plugin}
 */
function watchData() {
  return {
    name: 'watch-data',
    apply: 'serve',
    configureServer(server) {
      server.watcher.add(DATA_DIR);
      const reload = (/** @type {string} */ file) => {
        if (file.startsWith(DATA_DIR + sep)) server.ws.send({ type: 'full-reload', path: '*' });
      };
      for (const event of ['add', 'change', 'unlink']) server.watcher.on(event, reload);
    },
  };
}

// The address, base path and languages come from data/region.json, SITE_URL and BASE_PATH winning
// (src/load/siteSettings.ts); DIST_DIR names the published folder, as in scripts/lib/publish.ts (npm run
// build passes its staging folder beside it explicitly).
const deploy = readDeploySettings();

export default defineConfig({
  site: deploy.url,
  base: deploy.base,
  outDir: process.env.DIST_DIR ?? './dist',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // The pages' Content-Security-Policy allows only 'self' for styles and scripts: nothing inline.
    inlineStylesheets: 'never',
  },
  i18n: {
    defaultLocale: 'zh-CN',
    locales: deploy.languages,
    routing: { prefixDefaultLocale: false },
  },
  devToolbar: { enabled: false },
  vite: {
    plugins: [watchData()],
    // Small scripts and assets would otherwise be inlined as code or data: URLs the CSP forbids.
    build: { assetsInlineLimit: 0 },
  },
});
