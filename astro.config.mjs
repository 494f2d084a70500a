// @ts-check
import { rmSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * A site in Chinese alone (region.json `languages: ["zh-CN"]`) publishes no English page: the /en/
 * routes are still rendered (Astro builds every page file), then taken out of the output, and no page
 * links to them (no language switch, no hreflang, no English entry in the sitemap or the feed).
 * @param {readonly string[]} languages
 * @returns {import('astro').AstroIntegration}
 */
function onlyLanguages(languages) {
  return {
    name: 'only-languages',
    hooks: {
      'astro:build:done': ({ dir }) => {
        if (!languages.includes('en')) rmSync(fileURLToPath(new URL('en/', dir)), { recursive: true, force: true });
      },
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
  integrations: [onlyLanguages(deploy.languages)],
  devToolbar: { enabled: false },
  vite: {
    plugins: [watchData()],
    // Small scripts and assets would otherwise be inlined as code or data: URLs the CSP forbids.
    build: { assetsInlineLimit: 0 },
  },
});
