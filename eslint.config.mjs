import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * The layers of the README's Architecture section, one zone per forbidden direction:
 * `app/` adapts → `lib/services` decides → `lib/domain` computes, `lib/db` stores, `lib/notify`
 * delivers (`lib/live`, the process's change bus, sits beside it). Nothing imports upward, and
 * nothing imports in a circle. Tests and test support (`*.test.ts`, `testing/`) set up state
 * through any layer, as a caller from outside does, so the zones apply to the code they test.
 */
const UPPER = ['./app', './components', './lib/boot.ts', './lib/demo'];
const EDGE = ['./lib/services', './lib/snapshot', './lib/http', './lib/auth'];
const layers = [
  // Pure rules: data and `now` in, values out; no storage, delivery, configuration or process state.
  { target: './lib/domain', from: [...UPPER, ...EDGE, './lib/live', './lib/db', './lib/notify', './lib/metrics', './lib/runtime', './lib/env.ts'], message: 'lib/domain is pure: pass data and `now` in.' },
  // Storage knows tables and queries, not the use cases or deliveries built on them.
  { target: './lib/db', from: [...UPPER, ...EDGE, './lib/live', './lib/notify'], message: 'lib/db may not import the layers above it.' },
  // Delivery is called by the services (enqueue in their transaction); it never calls them back.
  { target: './lib/notify', from: [...UPPER, ...EDGE], message: 'lib/notify may not import lib/services or the edges.' },
  // Use cases are called by the edges, never the other way round.
  { target: './lib/services', from: UPPER, message: 'lib/services may not import app/, components/ or the boot.' },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['**/*.test.ts', '**/testing/**'],
    rules: { 'import/no-restricted-paths': ['error', { zones: layers }] },
  },
  { files: ['**/*.ts', '**/*.tsx'], rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] } },
  { ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
];

export default config;
