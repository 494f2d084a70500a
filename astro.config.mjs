// @ts-check
import { defineConfig } from 'astro/config';

// SITE_URL makes canonical links absolute; DIST_DIR names the published folder, as in scripts/lib/publish.ts
// (npm run build passes its staging folder beside it explicitly).
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  outDir: process.env.DIST_DIR ?? './dist',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // The pages' Content-Security-Policy allows only 'self' for styles and scripts: nothing inline.
    inlineStylesheets: 'never',
  },
  i18n: {
    defaultLocale: 'zh-CN',
    locales: ['zh-CN', 'en'],
    routing: { prefixDefaultLocale: false },
  },
  devToolbar: { enabled: false },
  vite: {
    // Small scripts and assets would otherwise be inlined as code or data: URLs the CSP forbids.
    build: { assetsInlineLimit: 0 },
  },
});
