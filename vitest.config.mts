import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = { '@': fileURLToPath(new URL('.', import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['lib/domain/**/*.test.ts', 'lib/render/**/*.test.ts', 'lib/snapshot/**/*.test.ts', 'lib/metrics/**/*.test.ts', 'lib/http/**/*.test.ts', 'lib/async/**/*.test.ts', 'lib/runtime/**/*.test.ts', 'components/**/*.test.ts', 'lib/i18n/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'db',
          include: ['lib/db/**/*.test.ts', 'lib/services/**/*.test.ts', 'lib/demo/**/*.test.ts', 'lib/notify/**/*.test.ts', 'app/api/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./lib/db/testing/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
