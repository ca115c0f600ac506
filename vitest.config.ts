import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // Vault tests derive real scrypt keys and fsync: give them room on a 2-core machine.
    testTimeout: 30_000,
    pool: 'forks',
  },
});
