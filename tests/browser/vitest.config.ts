/**
 * Browser tests: the built site, served by scripts/lib/staticServer.ts, driven in Debian's Chromium
 * through playwright-core. Separate from the unit tests (tests/unit, vitest.config.ts) because they
 * need a full build first and take minutes, not seconds.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: resolve(import.meta.dirname, '..', '..'),
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/globalSetup.ts'],
    // One Chromium at a time: the files share the two servers, and parallel browsers only add noise.
    fileParallelism: false,
    // Full site builds happen in the global setup (globalSetup.ts); with no PNG kept in .cache/images/ (a fresh
    // clone, as in CI) the first renders some 4,000 chart pictures (docs/performance.md, "Chart pictures").
    hookTimeout: 1_800_000,
    testTimeout: 120_000,
    env: { TZ: 'Asia/Shanghai' },
  },
});
