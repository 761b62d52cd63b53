import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/services/**", "tests/e2e/**", "node_modules/**"],
    testTimeout: 60_000,
  },
});
