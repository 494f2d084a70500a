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
    // Two full site builds happen in the global setup.
    hookTimeout: 600_000,
    testTimeout: 120_000,
    env: { TZ: 'Asia/Shanghai' },
  },
});
