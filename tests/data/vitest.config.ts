/**
 * Tests of the data in data/ (npm run test:data), apart from the tool's tests (tests/unit and
 * tests/browser, which run on tests/fixtures): a county that replaces data/ replaces these too.
 */
/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  root: resolve(import.meta.dirname, '..', '..'),
  test: {
    include: ['tests/data/**/*.test.ts'],
    env: { TZ: 'Asia/Shanghai' },
  },
});
