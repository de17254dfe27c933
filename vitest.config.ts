import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 900_000,
    // Two cores: the browser tests build the site and start Chromium; run files two at a time.
    maxWorkers: 2,
    reporters: ["default"],
  },
});
