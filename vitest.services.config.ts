// `npm run test:services`: the tests that need the machine's services (PostgreSQL).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/services/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
