import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/contract/**/*.test.ts', 'src/**/*.test.ts'],
          environment: 'node',
          // An unexpected console.error fails the test (allowConsoleError in tests/setup/console.ts).
          setupFiles: ['tests/setup/console.ts'],
          // PGlite starts a whole Postgres in WASM: seconds, more on a loaded 2-core machine.
          hookTimeout: 60_000,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.spec.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // One browser and one server for the whole run; the machine has two cores.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
