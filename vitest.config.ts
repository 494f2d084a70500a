/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Some tests spawn `npm run validate` or render Astro components: seconds each on a loaded 2-core machine.
    testTimeout: 30_000,
    // Pinned so date handling is identical on every machine.
    env: { TZ: 'Asia/Shanghai' },
  },
});
