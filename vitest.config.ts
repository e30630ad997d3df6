import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    // Statistical tests run many games; the CLI tests start real processes.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
