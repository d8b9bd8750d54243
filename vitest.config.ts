import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/support/slow-first-sequencer';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Both of CI's two cores (vitest's default is one fewer than the cores: one worker there). Most files
    // wait on child processes, ptys, sockets and fsync as much as they compute.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Longest files first (test/durations.json), so the two workers finish together on a clean checkout.
    sequence: { sequencer: SlowFirstSequencer },
    reporters: ['default'],
  },
});
