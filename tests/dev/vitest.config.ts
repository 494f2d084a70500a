/**
 * `npm run dev` tests: a real `astro dev` server on a copy of a fixture dataset, edited while it runs.
 * Separate from the unit tests because starting Astro's dev server and compiling pages on demand
 * takes tens of seconds on a busy machine.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: resolve(import.meta.dirname, '..', '..'),
  test: {
    include: ['tests/dev/**/*.test.ts'],
    // The first request compiles the page and everything it imports: generous on two loaded cores.
    hookTimeout: 240_000,
    testTimeout: 240_000,
    env: { TZ: 'Asia/Shanghai' },
  },
});
